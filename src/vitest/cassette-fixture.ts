import { isAbsolute, join, relative } from 'node:path';
import type { RunnerTestCase } from 'vitest';
import { projectConfig } from '../config/project-config.ts';
import type { CassetteSession } from '../recorder/cassette-session.ts';
import { useCassette } from '../recorder/use-cassette.ts';
import { cassetteNameFor } from './cassette-name.ts';
import type { CassetteUse } from './cassette-use.ts';
import { type CassetteFixtureOptions, configuredOptions } from './configure.ts';

/** The suites' and the test's titles, outermost first (the file itself is not one). */
function titlesOf(task: RunnerTestCase): string[] {
  const titles = [task.name];
  for (let suite = task.suite; suite && suite.id !== task.file.id; suite = suite.suite) {
    titles.unshift(suite.name);
  }
  return titles;
}

/** `file.name` is the path relative to the project root, `file.filepath` the absolute one. */
function projectRootOf(task: RunnerTestCase): string {
  const { filepath, name } = task.file;
  return filepath.endsWith(name) ? filepath.slice(0, filepath.length - name.length) : process.cwd();
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const regexEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The `cassette` fixture: one cassette per test, named after the test file and the test's full
 * name, bound to the test's async context. After the test (passed or failed) it is ejected; a
 * failed test's recordings are discarded, so the file on disk stays as it was (the whole test is
 * re-recorded once it passes). What the cassette did goes into the task meta for the reporter.
 */
export async function cassetteFixture(
  { task, cassetteOptions }: { task: RunnerTestCase; cassetteOptions: CassetteFixtureOptions },
  use: (session: CassetteSession) => Promise<void>,
): Promise<void> {
  const root = projectRootOf(task);
  const options = { ...configuredOptions(), ...cassetteOptions };
  const dir = options.dir ?? projectConfig(root).config.cassettesDir;
  const titles = titlesOf(task);
  // vitest's -t matches the titles joined by spaces; the command re-records this test alone.
  const rerun = `${task.file.name} -t ${shellQuote(`^${regexEscape(titles.join(' '))}$`)}`;
  // Called before any await: useCassette binds the cassette to this async context, which the
  // test function inherits.
  const session = await useCassette(cassetteNameFor(task.file.name, titles), {
    ...options,
    dir: isAbsolute(dir) ? dir : join(root, dir),
    testFile: rerun,
  });
  await use(session);

  // The test and its afterEach hooks have run: `fail` is final here.
  const failed = task.result?.state === 'fail';
  let ejectError: unknown;
  const report = await session.eject({ discard: failed }).catch((error: unknown) => {
    ejectError = error;
    return session.report;
  });
  const used: CassetteUse = {
    path: relative(root, session.path).split('\\').join('/'),
    mode: session.mode,
    replayed: report?.replayed ?? 0,
    recorded: report?.recorded ?? 0,
    unused: report?.unused.length ?? 0,
    missing: report?.missed ?? 0,
    written: report?.written ?? false,
    discarded: failed && (report?.recorded ?? 0) > 0,
  };
  task.meta.llmCassette = used;
  if (ejectError !== undefined) throw ejectError;
}
