import { defineCommand } from 'citty';
import { loadConfig } from '../../config/config.ts';
import { formatCheck, hasProblems, verifyCassetteFile } from '../../metadata/verify.ts';
import { cassetteDirArg } from '../cassette-dir-arg.ts';
import { findCassetteFiles } from '../cassette-files.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';
import { startProgress } from '../progress.ts';

export default withExamples(
  defineCommand({
    meta: {
      name: 'verify',
      description:
        "Re-extract every cassette's interactions and compare with the metadata stored at " +
        'recording time; exit 1 where they differ (a parser regression, a price change). ' +
        "--update stores today's records.",
    },
    args: {
      dir: cassetteDirArg,
      update: { type: 'boolean', default: false, description: 'Rewrite the stored records' },
      json: { type: 'boolean', default: false, description: 'Print the checks as JSON' },
    },
    async run({ args }) {
      const dir = args.dir ?? (await loadConfig()).config.cassettesDir;
      let files: string[];
      try {
        files = await findCassetteFiles(dir);
      } catch (error) {
        process.stderr.write(
          `llm-cassette verify: cannot read ${dir}: ${(error as Error).message}\n`,
        );
        process.exitCode = EXIT.usage;
        return;
      }
      const checks = [];
      const progress = startProgress(files.length, 'verify');
      for (const file of files) {
        checks.push(await verifyCassetteFile(file, { update: args.update }));
        progress.tick(file);
      }
      progress.stop();
      const failed = checks.filter((check) => hasProblems(check));
      if (args.json) {
        process.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
      } else {
        for (const check of checks) {
          const report = formatCheck(check);
          if (report) process.stdout.write(`${report}\n`);
        }
        const interactions = checks.reduce((n, check) => n + check.interactions.length, 0);
        process.stdout.write(
          `${files.length} cassettes, ${interactions} interactions: ` +
            (failed.length === 0
              ? args.update
                ? 'records up to date.\n'
                : 'every stored record matches.\n'
              : `${failed.length} cassettes differ.\n`),
        );
      }
      if (failed.length > 0) process.exitCode = EXIT.problems;
    },
  }),
  ['llm-cassette verify cassettes', 'llm-cassette verify cassettes --update'],
);
