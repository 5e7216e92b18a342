import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function captureOut(): () => string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  return () => out;
}

test('tokens --text prints the count alone', async () => {
  const out = captureOut();
  await runCli(['tokens', '--model', 'gpt-4o-mini', '--text', "Hey, how's it going"]);
  expect(out()).toBe('6\n');
});

test('tokens --messages FILE prints the count alone', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'llm-cassette-')), 'messages.json');
  writeFileSync(file, JSON.stringify([{ user: 'role', content: "Hey, how's it going" }]));
  const out = captureOut();
  await runCli(['tokens', '--model', 'claude-haiku-4-5', '--messages', file]);
  expect(out()).toBe('13\n');
});
