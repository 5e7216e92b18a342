import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, tempProject } from '../support/cli-process.ts';

describe('llm-cassette scrub', () => {
  it('applies rules added since recording to the cassettes on disk, and says what changed', async () => {
    const root = await tempProject({ withShippedCassettes: true });
    const path = join(root, 'cassettes', 'openai-chat-json-text-2.json');
    const before = await readFile(path, 'utf8');
    const config = { redact: { headers: ['x-stainless-os'], bodyPaths: ['messages[*].content'] } };
    await writeFile(join(root, 'llm-cassette.config.json'), JSON.stringify(config));

    const dry = await runCliProcess(['scrub', '--dry-run'], { cwd: root });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('~ cassettes/openai-chat-json-text-2.json: would redact');
    expect(await readFile(path, 'utf8')).toBe(before);

    const run = await runCliProcess(['scrub', '--json'], { cwd: root });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const file = result.files.find(
      (f: { path: string }) => f.path === 'cassettes/openai-chat-json-text-2.json',
    );
    expect(file.changed).toBe(true);
    expect(file.redacted).toContain('interactions[0].request.headers["x-stainless-os"]');
    expect(file.redacted).toContain('interactions[0].request.body.messages[0].content');
    const after = JSON.parse(await readFile(path, 'utf8'));
    expect(after.interactions[0].request.headers['x-stainless-os']).toBe('[REDACTED]');
    expect(after.interactions[0].request.body.messages[0].content).toBe('[REDACTED]');
    expect(after.interactions[0].response).toEqual(JSON.parse(before).interactions[0].response);

    // Scrubbing is idempotent: a second run finds nothing to do.
    const again = await runCliProcess(['scrub'], { cwd: root });
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(/^0 of \d+ cassettes changed$/);
  });

  it('reports a key that no rule covers and exits 1, leaving the file as it was', async () => {
    const root = await tempProject({ withShippedCassettes: true });
    const path = join(root, 'cassettes', 'groq-chat-json-text.json');
    const cassette = JSON.parse(await readFile(path, 'utf8'));
    cassette.interactions[0].request.headers['x-leak'] = `gsk_${'Q9'.repeat(26)}`;
    const text = JSON.stringify(cassette);
    await writeFile(path, text);
    const run = await runCliProcess(['scrub'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ cassettes/groq-chat-json-text.json: Refusing to write');
    expect(run.stdout).toContain('1 could not be scrubbed');
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
