import { execFile } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, and the bin a user's `npx llm-cassette` runs (dist is built by `npm test`). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_BIN = join(REPO_ROOT, 'bin', 'llm-cassette.js');
export const SHIPPED_CASSETTES = join(REPO_ROOT, 'cassettes');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `llm-cassette …` as a user would: a child process, its output and exit code. Not a
 * terminal, so no colour and no progress bar; CI and NO_COLOR are cleared so the tests see what
 * a user's pipe sees.
 */
export function runCliProcess(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['CI', 'FORCE_COLOR', 'NO_COLOR', 'VITEST', 'LLM_CASSETTE_MODE']) {
    if (!(options.env && name in options.env)) delete env[name];
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      { cwd: options.cwd ?? REPO_ROOT, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary folder, optionally holding a copy of the shipped cassettes. */
export async function tempProject(options: { withShippedCassettes?: boolean } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'llm-cassette-cli-'));
  if (options.withShippedCassettes) {
    await cp(SHIPPED_CASSETTES, join(root, 'cassettes'), { recursive: true });
  }
  return root;
}
