import { rm } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { loadConfig } from '../../config/config.ts';
import { LlmCassetteError } from '../../errors.ts';
import { LAST_RUN_FILE, readLastRun } from '../../run-log/last-run.ts';
import { cassetteDirArg } from '../cassette-dir-arg.ts';
import { findCassetteFiles, portablePath } from '../cassette-files.ts';
import { withExamples } from '../command-help.ts';
import { colourFor } from '../render/colour.ts';

/** Prune was asked to act on a run record that cannot tell used from unused. */
export class PruneRefusedError extends LlmCassetteError {
  readonly code = 'prune_refused';
}

export default withExamples(
  defineCommand({
    meta: {
      name: 'prune',
      description: `Remove cassettes that no test used in the last full run (read from ${LAST_RUN_FILE}).`,
    },
    args: {
      dir: cassetteDirArg,
      from: {
        type: 'string',
        description: `The last-run record (default: ${LAST_RUN_FILE}); its paths are relative to the working folder`,
      },
      'dry-run': { type: 'boolean', description: 'List what would be removed; remove nothing' },
      force: {
        type: 'boolean',
        description: 'Act on a partial run, or on a run that used no cassette in DIR',
      },
      json: { type: 'boolean', description: 'Print the result as JSON' },
    },
    async run({ args }) {
      const { config } = await loadConfig();
      const dir = args.dir ?? config.cassettesDir;
      const from = args.from ?? LAST_RUN_FILE;
      const run = await readLastRun(from);
      const files = await findCassetteFiles(dir);
      const used = new Set(run.used);
      const unused = files.filter((f) => !used.has(portablePath(f)));
      if (!args.force) {
        if (!run.complete) {
          throw new PruneRefusedError(
            `${from} records a partial run (a filter or a shard): cassettes it did not use may ` +
              'belong to tests it did not run. Run the whole suite, or pass --force.',
          );
        }
        if (unused.length === files.length && files.length > 0) {
          throw new PruneRefusedError(
            `The run recorded in ${from} used none of the ${files.length} cassettes in ${dir}: ` +
              'is this the right folder (paths are relative to the working folder)? Pass --force to remove them all.',
          );
        }
      }
      const dryRun = args['dry-run'] === true;
      const removed = unused.map((f) => portablePath(f));
      if (!dryRun) await Promise.all(unused.map((f) => rm(f)));
      if (args.json) {
        const out = {
          dir,
          dry_run: dryRun,
          last_run: from,
          kept: files.length - unused.length,
          removed,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const colour = colourFor(process.stdout);
      const lines = removed.map((p) => `${colour.red('-')} ${p}`);
      lines.push(
        `${dryRun ? 'would remove' : 'removed'} ${removed.length} unused cassette(s), kept ${files.length - unused.length}`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  }),
  [
    'llm-cassette prune cassettes --dry-run',
    'llm-cassette prune --from ci-artifacts/last-run.json',
  ],
);
