import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LlmCassetteError } from '../errors.ts';

/**
 * Where a test run records which cassettes it used, relative to the project root (the folder the
 * tests run from). `llm-cassette prune` removes the cassettes a full run did not use.
 */
export const LAST_RUN_FILE = '.llm-cassette/last-run.json';

/**
 * The contract between whatever runs the tests (the vitest integration writes it at the end of a
 * run, after merging its workers) and `prune`:
 * - `used`: every cassette file a test opened, relative to the project root with `/` separators
 *   (`cassettes/chat.test.ts/replies.json`), whether it replayed, recorded or missed;
 * - `complete`: false for a partial run (`-t`, a file filter, one `--shard`), so prune refuses to
 *   act on it: a cassette unused by a partial run may be used by the rest of the suite.
 */
export const LastRunSchema = z.object({
  version: z.literal(1),
  finished_at: z.iso.datetime(),
  complete: z.boolean(),
  used: z.array(z.string()),
});
export type LastRun = z.infer<typeof LastRunSchema>;

export class LastRunMissingError extends LlmCassetteError {
  readonly code = 'last_run_missing';
  constructor(readonly lastRunPath: string) {
    super(
      `No record of a test run at ${lastRunPath}. Run the whole test suite once (it writes this ` +
        'file), then prune; or pass --from with the file your runner wrote.',
    );
  }
}

export class LastRunInvalidError extends LlmCassetteError {
  readonly code = 'last_run_invalid';
  constructor(
    readonly lastRunPath: string,
    detail: string,
  ) {
    super(
      `${lastRunPath} is not a valid last-run record (${detail}). Delete it and run the test suite again.`,
    );
  }
}

export async function readLastRun(path: string): Promise<LastRun> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new LastRunMissingError(path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new LastRunInvalidError(path, (error as Error).message);
  }
  const parsed = LastRunSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new LastRunInvalidError(path, `${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  return parsed.data;
}

/** Writes the record atomically (temporary file + rename), so prune never reads half of one. */
export async function writeLastRun(
  root: string,
  run: { used: Iterable<string>; complete: boolean; finishedAt?: Date },
): Promise<string> {
  const path = join(root, LAST_RUN_FILE);
  const record: LastRun = {
    version: 1,
    finished_at: (run.finishedAt ?? new Date()).toISOString(),
    complete: run.complete,
    used: [...new Set(run.used)].sort(),
  };
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
  await rename(temp, path);
  return path;
}
