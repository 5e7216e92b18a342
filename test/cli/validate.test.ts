import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, SHIPPED_CASSETTES, tempProject } from '../support/cli-process.ts';

const KEY = `sk-proj-${'A1b2C3d4E5'.repeat(4)}`;

async function shipped(name: string) {
  return JSON.parse(await readFile(join(SHIPPED_CASSETTES, `${name}.json`), 'utf8'));
}

describe('llm-cassette validate', () => {
  it('passes the shipped cassettes (exit 0)', async () => {
    const run = await runCliProcess(['validate', 'cassettes']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ \d+ cassettes valid/);
  });

  it('lists what is wrong, file by file, and exits 1', async () => {
    const root = await tempProject();
    const dir = join(root, 'cassettes');
    await mkdir(join(dir, 'nested'), { recursive: true });
    await writeFile(
      join(dir, 'good.json'),
      JSON.stringify(await shipped('openai-chat-json-text-2')),
    );
    await writeFile(join(dir, 'syntax.json'), '{\n  "version": 1,\n  "name": }');
    const schema = await shipped('openai-chat-json-text-2');
    schema.interactions[0].response.status = 'ok';
    await writeFile(join(dir, 'nested', 'schema.json'), JSON.stringify(schema));
    const secret = await shipped('anthropic-messages-json-text-2');
    secret.interactions[0].request.headers['x-debug'] = KEY;
    await writeFile(join(dir, 'secret.json'), JSON.stringify(secret));
    const future = await shipped('openai-chat-json-text-2');
    future.version = 2;
    await writeFile(join(dir, 'future.json'), JSON.stringify(future));

    const run = await runCliProcess(['validate'], { cwd: root });
    expect(run.code).toBe(1);
    const out = run.stdout;
    expect(out).toContain('✗ cassettes/syntax.json');
    expect(out).toMatch(/\[syntax\] line 3, column \d+: JSON syntax error/);
    expect(out).toContain('✗ cassettes/nested/schema.json');
    expect(out).toContain('[schema] interactions[0].response.status:');
    expect(out).toContain('✗ cassettes/secret.json');
    expect(out).toContain('[secret] interactions[0].request.headers["x-debug"]: OpenAI API key');
    expect(out).not.toContain(KEY);
    expect(out).toContain('✗ cassettes/future.json');
    expect(out).toContain('[version] version: Cassette cassettes/future.json has format version 2');
    expect(out).not.toContain('good.json');
    expect(out).toContain('✗ 4 of 5 cassettes have problems');
  });

  it('--json gives every file with its problems', async () => {
    const root = await tempProject();
    await mkdir(join(root, 'cassettes'));
    const secret = await shipped('openai-chat-json-text-2');
    secret.interactions[0].request.url += `?note=${KEY}`;
    await writeFile(join(root, 'cassettes', 'a.json'), JSON.stringify(secret));
    const run = await runCliProcess(['validate', 'cassettes', '--json'], { cwd: root });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ dir: 'cassettes', ok: false, checked: 1, failed: 1 });
    expect(result.files[0].path).toBe('cassettes/a.json');
    expect(result.files[0].problems).toEqual([
      expect.objectContaining({ kind: 'secret', place: 'interactions[0].request.url' }),
    ]);
  });

  it('applies the config’s expiry policy: warn passes, fail exits 1', async () => {
    const root = await tempProject();
    await mkdir(join(root, 'cassettes'));
    const old = await shipped('openai-chat-json-text-2');
    old.interactions[0].recorded_at = '2020-01-01T00:00:00.000Z';
    await writeFile(join(root, 'cassettes', 'old.json'), JSON.stringify(old));

    await writeFile(join(root, 'llm-cassette.config.json'), '{"expiresIn": "2w"}');
    const warned = await runCliProcess(['validate'], { cwd: root });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('! cassettes/old.json');
    expect(warned.stdout).toMatch(/warning \[expired\] .*older than expiresIn 2w/);

    await writeFile(
      join(root, 'llm-cassette.config.json'),
      '{"expiresIn": "2w", "onExpired": "fail"}',
    );
    const failed = await runCliProcess(['validate'], { cwd: root });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✗ cassettes/old.json');

    await writeFile(
      join(root, 'llm-cassette.config.json'),
      '{"expiresIn": "2w", "onExpired": "rerecord"}',
    );
    const due = await runCliProcess(['validate', '--json'], { cwd: root });
    expect(due.code).toBe(0);
    expect(JSON.parse(due.stdout).files[0].warnings[0].message).toContain('due for re-recording');
  });

  it('exits 2 with the config’s problems when the config file is invalid', async () => {
    const root = await tempProject({ withShippedCassettes: true });
    await writeFile(join(root, 'llm-cassette.config.json'), '{"expiresIn": "thirty days", "x": 1}');
    const run = await runCliProcess(['validate'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('llm-cassette.config.json is invalid');
    expect(run.stderr).toContain('expiresIn: a duration such as "30d"');
    expect(run.stderr).toMatch(/Unrecognized key.*"x"/);
  });
});
