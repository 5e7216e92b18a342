import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findCassetteFiles } from '../../src/cli/cassette-files.ts';
import { runCli } from '../../src/cli/main.ts';
import { verifyCassetteFile } from '../../src/metadata/verify.ts';
import { REAL_FIXTURES_DIR } from '../support/fixtures.ts';

const SHIPPED = 'cassettes';
let stdout = '';

beforeEach(() => {
  stdout = '';
  process.exitCode = undefined;
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('llm-cassette extract', () => {
  it('prints { metadata, message } for an SSE body with its request and URL', async () => {
    await runCli([
      'extract',
      `${REAL_FIXTURES_DIR}openai-chat-sse-usage-tool.response.sse`,
      '--request',
      `${REAL_FIXTURES_DIR}openai-chat-sse-usage-tool.request.json`,
      '--url',
      'https://api.openai.com/v1/chat/completions',
    ]);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['metadata', 'message']);
    expect(out.metadata).toMatchObject({
      provider: 'openai',
      api: 'chat.completions',
      completion_id: 'chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl',
      requested_model: 'gpt-4o-mini',
      stream: true,
      finish_reason: 'tool_calls',
    });
    expect(out.message.tool_calls[0].id).toBe('call_ZR5UUuTt3pf61kjwAJIYdVMj');
  });

  it('--status reads a raw error body', async () => {
    await runCli([
      'extract',
      `${REAL_FIXTURES_DIR}openai-error-429-insufficient-quota.response.json`,
      '--status',
      '429',
      '--url',
      '/v1/responses',
    ]);
    expect(JSON.parse(stdout).metadata).toMatchObject({
      http_status: 429,
      finish_reason: 'error',
      api: 'responses',
      error_type: 'insufficient_quota',
    });
  });

  it('prints an array, one per interaction, for a cassette', async () => {
    await runCli(['extract', join(SHIPPED, 'anthropic-messages-sse-tool-parallel.json')]);
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(1);
    expect(out[0].metadata.completion_id).toBe('msg_0138UNF3YbNp49KkqZtUBWqz');
  });
});

describe('llm-cassette verify', () => {
  it('every shipped cassette extracts, and every stored record matches', async () => {
    const files = await findCassetteFiles(SHIPPED);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const check = await verifyCassetteFile(file);
      expect(check.error, file).toBeUndefined();
      for (const interaction of check.interactions) {
        expect(interaction.status, `${file} #${interaction.index}: ${interaction.error}`).toBe(
          'same',
        );
      }
    }
  });

  it('--update stores the records, then verify passes, then a changed record fails with a diff', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'llm-cassette-verify-'));
    await cp(join(SHIPPED, 'openai-chat-json-tool.json'), join(dir, 'one.json'));
    await cp(join(SHIPPED, 'anthropic-messages-sse-text-1.json'), join(dir, 'two.json'));
    // As if recorded before records were stored.
    for (const name of ['one.json', 'two.json']) {
      const copy = JSON.parse(await readFile(join(dir, name), 'utf8'));
      for (const interaction of copy.interactions) delete interaction.metadata;
      await writeFile(join(dir, name), JSON.stringify(copy));
    }

    expect(await runCli(['verify', dir])).toBe(1);
    expect(stdout).toContain('no stored record (run with --update to store it)');

    stdout = '';
    expect(await runCli(['verify', dir, '--update'])).toBe(0);

    stdout = '';
    expect(await runCli(['verify', dir])).toBe(0);
    expect(stdout).toContain('every stored record matches');

    const file = join(dir, 'one.json');
    const cassette = JSON.parse(await readFile(file, 'utf8'));
    cassette.interactions[0].metadata.completion_id = 'chatcmpl-old';
    cassette.interactions[0].metadata.tool_call_count = 7;
    await writeFile(file, JSON.stringify(cassette));
    stdout = '';
    expect(await runCli(['verify', dir])).toBe(1);
    expect(stdout).toContain('the extraction differs from the stored record');
    expect(stdout).toContain(
      'completion_id: "chatcmpl-old" → "chatcmpl-BSXk0dWkG4hfPt0lph4oFO35iT73I"',
    );
    expect(stdout).toContain('tool_call_count: 7 → 1');
  });
});
