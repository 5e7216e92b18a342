import { defineCommand } from 'citty';
import { loadConfig } from '../../config/config.ts';
import { cassetteDirArg } from '../cassette-dir-arg.ts';
import { type Finding, validateDir } from '../cassette-validation.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';
import { startProgress } from '../progress.ts';
import { type Colour, colourFor } from '../render/colour.ts';

export default withExamples(
  defineCommand({
    meta: {
      name: 'validate',
      description:
        'Check every cassette against the schema, for secrets, its stored metadata and its expiry; exit 1 if anything is wrong.',
    },
    args: {
      dir: cassetteDirArg,
      json: { type: 'boolean', description: 'Print the result as JSON' },
    },
    async run({ args }) {
      const { config } = await loadConfig();
      const dir = args.dir ?? config.cassettesDir;
      const result = await validateDir(dir, {
        config,
        progress: (total) => startProgress(total, 'validate'),
      });
      if (!result.ok) process.exitCode = EXIT.problems;
      if (args.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const colour = colourFor(process.stdout);
      const lines: string[] = [];
      for (const file of result.files) {
        if (file.problems.length === 0 && file.warnings.length === 0) continue;
        lines.push(file.ok ? colour.yellow(`! ${file.path}`) : colour.red(`✗ ${file.path}`));
        for (const p of file.problems) lines.push(`    ${describe(p, colour)}`);
        for (const w of file.warnings)
          lines.push(`    ${colour.yellow('warning')} ${describe(w, colour)}`);
      }
      const summary = result.ok
        ? colour.green(`✓ ${result.checked} cassettes valid`)
        : colour.red(`✗ ${result.failed} of ${result.checked} cassettes have problems`);
      lines.push(summary);
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  }),
  [
    'llm-cassette validate cassettes',
    'llm-cassette validate --json | jq ".files[] | select(.ok == false)"',
  ],
);

function describe(finding: Finding, colour: Colour): string {
  const place = finding.place ? `${finding.place}: ` : '';
  return `${colour.dim(`[${finding.kind}]`)} ${place}${finding.message}`;
}
