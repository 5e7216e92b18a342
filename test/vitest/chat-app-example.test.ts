import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PACKAGE_ROOT } from './support/fixture-project.ts';

/** Runs the worked example's own suite as its README says, from its committed cassettes. */
function runExample(): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
  );
  const child = spawn(
    process.execPath,
    [join(PACKAGE_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', 'examples/chat-app'],
    {
      cwd: PACKAGE_ROOT,
      // Replay only: the committed cassettes must hold every call the example makes.
      env: { ...env, LLM_CASSETTE_MODE: 'replay', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

test('the chat-app example passes from its cassettes, nothing missing', async () => {
  const { code, output } = await runExample();
  expect(output).toContain(
    'llm-cassette: 4 cassettes · 6 replayed · 0 recorded · 0 unused · 0 missing',
  );
  expect(output).toMatch(/Tests {2}\d+ passed/);
  expect(code, output).toBe(0);
}, 60_000);
