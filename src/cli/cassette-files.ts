import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LlmCassetteError } from '../errors.ts';

/** A folder given to a command does not exist or is not a folder. */
export class CassetteDirNotFoundError extends LlmCassetteError {
  readonly code = 'cassette_dir_not_found';
  constructor(readonly dir: string) {
    super(
      `No cassette folder at ${dir}. Pass the folder that holds your cassettes ` +
        '(e.g. `llm-cassette report cassettes`), or record some first.',
    );
  }
}

/**
 * Every cassette file under `dir`, sorted: `*.json` at any depth (the vitest fixture nests them
 * by test file), skipping dot-files (temporary files of an atomic write), dot-folders and
 * node_modules. Paths are `dir` joined with the relative path, as the user would type them.
 */
export async function findCassetteFiles(dir: string): Promise<string[]> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new CassetteDirNotFoundError(dir);
  const found: string[] = [];
  await walk(dir, found);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(folder: string, found: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path, found);
      else if (entry.isFile() && entry.name.endsWith('.json')) found.push(path);
    }),
  );
}

/** `path` relative to `root` with forward slashes, the way a cassette is named across machines. */
export function portablePath(path: string, root: string = process.cwd()): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * Reads files with a bounded number in flight (the event loop overlaps the reads; unbounded,
 * a folder of thousands would exhaust file handles), calling `each` in completion order.
 */
export async function readEach(
  paths: readonly string[],
  each: (path: string, text: string | Error) => void,
  concurrency = 32,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      let text: string | Error;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        text = error instanceof Error ? error : new Error(String(error));
      }
      each(path, text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
}

/** A cassette file named on the command line does not exist. */
export class CassetteFileNotFoundError extends LlmCassetteError {
  readonly code = 'cassette_not_found';
  constructor(readonly cassettePath: string) {
    super(
      `No cassette file at ${cassettePath}. List the cassettes with \`llm-cassette report\`, ` +
        'or record this one first.',
    );
  }
}
