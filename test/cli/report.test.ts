import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, SHIPPED_CASSETTES, tempProject } from '../support/cli-process.ts';

const shippedFiles = async () =>
  (await readdir(SHIPPED_CASSETTES)).filter((f) => f.endsWith('.json')).sort();

describe('llm-cassette report', () => {
  it('prints a table of the shipped cassettes: the README’s first command on a fresh clone', async () => {
    const run = await runCliProcess(['report', 'cassettes']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^cassette\s+provider\s+model\s+calls\s+.*cost\s+TTFT\s+latency\s+age$/,
    );
    for (const file of await shippedFiles()) expect(run.stdout).toContain(`cassettes/${file}`);
    expect(lines.at(-1)).toMatch(
      new RegExp(`^${(await shippedFiles()).length} cassettes, \\d+ calls`),
    );
    expect(run.stdout).not.toContain('\u001b['); // not a terminal: no colour
  });

  it('--format json gives one row per cassette with the public keys, and totals', async () => {
    const run = await runCliProcess(['report', 'cassettes', '--format', 'json']);
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    const files = await shippedFiles();
    expect(data.cassettes).toHaveLength(files.length);
    const row = data.cassettes.find(
      (r: { path: string }) => r.path === 'cassettes/openai-chat-sse-usage-tool.json',
    );
    expect(Object.keys(row)).toEqual([
      'path',
      'name',
      'provider',
      'model',
      'calls',
      'prompt_tokens',
      'completion_tokens',
      'total_tokens',
      'cached_tokens',
      'total_cost',
      'ttft_ms',
      'latency_ms',
      'recorded_at',
      'age_ms',
      'expires_at',
      'expired',
    ]);
    expect(row.calls).toBe(1);
    const cassette = JSON.parse(
      await readFile(join(SHIPPED_CASSETTES, 'openai-chat-sse-usage-tool.json'), 'utf8'),
    );
    expect(row.recorded_at).toBe(cassette.interactions[0].recorded_at);
    expect(data.totals.cassettes).toBe(files.length);
    expect(data.totals.calls).toBe(files.length);
    expect(data.unreadable).toEqual([]);
    // --json is the same as --format json
    const short = JSON.parse((await runCliProcess(['report', 'cassettes', '--json'])).stdout);
    expect(short.cassettes.map((r: { path: string }) => r.path)).toEqual(
      data.cassettes.map((r: { path: string }) => r.path),
    );
  });

  it('--format markdown prints a GitHub table', async () => {
    const run = await runCliProcess(['report', 'cassettes', '--format', 'markdown']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(
      '| cassette | provider | model | calls | prompt tok | compl. tok | total tok | cost | TTFT | latency | age |',
    );
    expect(lines[1]).toBe('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    expect(lines.filter((l) => l.startsWith('| cassettes/'))).toHaveLength(
      (await shippedFiles()).length,
    );
  });

  it('shows ages, and marks cassettes older than the config’s expiresIn as expired', async () => {
    const root = await tempProject({ withShippedCassettes: true });
    const path = join(root, 'cassettes', 'openai-chat-json-text-2.json');
    const old = JSON.parse(await readFile(path, 'utf8'));
    old.interactions[0].recorded_at = new Date(Date.now() - 45 * 86_400_000).toISOString();
    await writeFile(path, JSON.stringify(old));
    await writeFile(join(root, 'llm-cassette.config.json'), '{ "expiresIn": "30d" }');

    const run = await runCliProcess(['report', '--json'], { cwd: root });
    expect(run.code).toBe(0);
    const data = JSON.parse(run.stdout);
    const expired = data.cassettes.filter((r: { expired: boolean }) => r.expired);
    expect(expired.map((r: { path: string }) => r.path)).toEqual([
      'cassettes/openai-chat-json-text-2.json',
    ]);
    expect(expired[0].age_ms).toBeGreaterThanOrEqual(45 * 86_400_000);
    expect(data.totals.expired).toBe(1);

    const table = await runCliProcess(['report'], { cwd: root });
    expect(table.stdout).toMatch(/openai-chat-json-text-2\.json .* 45d \(expired\)/);
    expect(table.stdout).toContain('1 expired');
  });

  it('skips a corrupt file with a pointer to validate, and exits 2 for a missing folder', async () => {
    const root = await tempProject();
    await writeFile(join(root, 'broken.json'), '{"version": 1,');
    const run = await runCliProcess(['report', '.'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('skipped broken.json');
    expect(run.stderr).toContain('llm-cassette validate');

    const missing = await runCliProcess(['report', 'no-such-folder'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No cassette folder at no-such-folder');
  });
});
