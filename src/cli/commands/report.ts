import { defineCommand } from 'citty';
import { loadConfig } from '../../config/config.ts';
import { cassetteDirArg } from '../cassette-dir-arg.ts';
import { withExamples } from '../command-help.ts';
import { startProgress } from '../progress.ts';
import { colourFor } from '../render/colour.ts';
import { renderHtmlReport } from '../render/html-report.ts';
import { renderMarkdownTable } from '../render/markdown-table.ts';
import { renderTextTable } from '../render/text-table.ts';
import { formatCost, formatCount } from '../render/units.ts';
import { buildReportData } from '../report-data.ts';
import { REPORT_COLUMNS, reportCells } from '../report-table.ts';

export default withExamples(
  defineCommand({
    meta: {
      name: 'report',
      description:
        'A table over all cassettes: provider, model, calls, tokens, cost, TTFT, latency, age.',
    },
    args: {
      dir: cassetteDirArg,
      format: {
        type: 'enum',
        options: ['table', 'json', 'markdown', 'html'],
        default: 'table',
        description: 'Output format',
      },
      json: { type: 'boolean', description: 'Same as --format json' },
    },
    async run({ args }) {
      const { config } = await loadConfig();
      const dir = args.dir ?? config.cassettesDir;
      const format = args.json ? 'json' : args.format;
      const data = await buildReportData(dir, {
        config,
        progress: (total) => startProgress(total, 'report'),
      });
      const rows = data.cassettes.map(reportCells);
      let out: string;
      if (format === 'json') out = JSON.stringify(data, null, 2);
      else if (format === 'html') out = renderHtmlReport(data, REPORT_COLUMNS, rows);
      else if (format === 'markdown') {
        out = `${renderMarkdownTable(REPORT_COLUMNS, rows)}\n\n${totalsLine(data)}`;
      } else {
        const colour = colourFor(process.stdout);
        const shown = rows.map((cells, i) =>
          data.cassettes[i]?.expired ? cells.map((c) => colour.yellow(c)) : cells,
        );
        out = `${renderTextTable(REPORT_COLUMNS, shown)}\n\n${colour.bold(totalsLine(data))}`;
      }
      process.stdout.write(`${out}\n`);
      for (const bad of data.unreadable) {
        process.stderr.write(`skipped ${bad.path}: ${bad.error} (run llm-cassette validate)\n`);
      }
    },
  }),
  [
    'llm-cassette report cassettes',
    'llm-cassette report cassettes --format markdown >> "$GITHUB_STEP_SUMMARY"',
    'llm-cassette report cassettes --format html > cassette-report.html',
    'llm-cassette report --json | jq ".totals.total_cost"',
  ],
);

function totalsLine(data: Awaited<ReturnType<typeof buildReportData>>): string {
  const t = data.totals;
  const expired = t.expired > 0 ? `, ${t.expired} expired` : '';
  return `${t.cassettes} cassettes, ${t.calls} calls, ${formatCount(t.total_tokens)} tokens, ${formatCost(t.total_cost)}${expired}`;
}
