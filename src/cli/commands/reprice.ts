import { defineCommand } from 'citty';
import { loadConfig } from '../../config/config.ts';
import { repriceCassetteFile } from '../../metadata/reprice.ts';
import { cassetteDirArg } from '../cassette-dir-arg.ts';
import { findCassetteFiles } from '../cassette-files.ts';
import { withExamples } from '../command-help.ts';

const command = defineCommand({
  meta: {
    name: 'reprice',
    description:
      "Re-price every cassette's stored records with today's price table. Costs stay pinned to " +
      'the table that computed them until you do this on purpose.',
  },
  args: {
    dir: cassetteDirArg,
    'dry-run': {
      type: 'boolean',
      default: false,
      description: 'Show what would change, write nothing',
    },
    json: { type: 'boolean', default: false, description: 'Print the changes as JSON' },
  },
  async run({ args }) {
    const dir = args.dir ?? (await loadConfig()).config.cassettesDir;
    const files = await findCassetteFiles(dir);
    const results = [];
    for (const file of files) {
      results.push(await repriceCassetteFile(file, { dryRun: args['dry-run'] }));
    }
    const changed = results.filter((r) => r.repriced.length > 0);
    if (args.json) {
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      return;
    }
    for (const result of changed) {
      for (const r of result.repriced) {
        process.stdout.write(
          `${result.file} #${r.index}: ${r.from.total_cost ?? 'no cost'} (${r.from.price_table ?? 'unpriced'}) → ` +
            `${r.to.total_cost ?? 'no cost'} (${r.to.price_table ?? 'unpriced'})\n`,
        );
      }
    }
    const verb = args['dry-run'] ? 'would change' : 'changed';
    process.stdout.write(`${files.length} cassettes, ${changed.length} ${verb}.\n`);
  },
});

export default withExamples(command, [
  'llm-cassette reprice cassettes --dry-run',
  'llm-cassette reprice cassettes',
]);
