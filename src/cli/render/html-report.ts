import type { ReportData } from '../report-data.ts';
import type { TableColumn } from './text-table.ts';
import { formatCost, formatCount, formatMs } from './units.ts';

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 300;
const PANEL_WIDTH = 320;
const GAP = 40;

/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script, no CDN), so it can be
 * attached to a CI run or opened from disk offline. The chart draws each cassette's cost and mean
 * latency side by side, each panel on its own scale.
 */
export function renderHtmlReport(
  data: ReportData,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
): string {
  const head = columns
    .map((c) => `<th${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`)
    .join('');
  const body = rows
    .map((row, r) => {
      const expired = data.cassettes[r]?.expired ? ' class="expired"' : '';
      const cells = columns
        .map(
          (c, i) =>
            `<td${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(row[i] ?? '')}</td>`,
        )
        .join('');
      return `<tr${expired}>${cells}</tr>`;
    })
    .join('\n');
  const t = data.totals;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>llm-cassette report: ${escapeHtml(data.dir)}</title>
<style>
  body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; }
  h1 { font-size: 20px; margin: 0 0 4px; }
  .summary { color: #59636e; margin: 0 0 20px; }
  svg text { font: 12px system-ui, sans-serif; fill: #1f2328; }
  svg .axis-title { font-weight: 600; }
  .bar-cost { fill: #2f81f7; }
  .bar-latency { fill: #d4762c; }
  table { border-collapse: collapse; margin-top: 24px; }
  th, td { padding: 4px 10px; border-bottom: 1px solid #d1d9e0; text-align: left; white-space: nowrap; }
  th { background: #f6f8fa; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.expired td { color: #b35900; }
</style>
</head>
<body>
<h1>llm-cassette report</h1>
<p class="summary">${escapeHtml(data.dir)}: ${t.cassettes} cassettes, ${t.calls} calls,
${escapeHtml(formatCount(t.total_tokens))} tokens, ${escapeHtml(formatCost(t.total_cost))} in total${
    t.expired > 0 ? `, ${t.expired} expired` : ''
  }. Generated ${escapeHtml(data.generated_at)}.</p>
${renderChart(data)}
<table id="cassettes">
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}

function renderChart(data: ReportData): string {
  const rows = data.cassettes;
  const maxCost = Math.max(0, ...rows.map((r) => r.total_cost ?? 0));
  const maxLatency = Math.max(0, ...rows.map((r) => r.latency_ms ?? 0));
  const top = 30;
  const width = LABEL_WIDTH + 2 * PANEL_WIDTH + GAP + 120;
  const height = top + rows.length * ROW_HEIGHT + 10;
  const costX = LABEL_WIDTH;
  const latencyX = LABEL_WIDTH + PANEL_WIDTH + GAP + 60;
  const scale = (value: number | null, max: number) =>
    value === null || max === 0 ? 0 : Math.max(1, (value / max) * PANEL_WIDTH);
  const bars = rows
    .map((row, i) => {
      const y = top + i * ROW_HEIGHT;
      const mid = y + ROW_HEIGHT / 2 + 4;
      const costWidth = scale(row.total_cost, maxCost);
      const latencyWidth = scale(row.latency_ms, maxLatency);
      const cost = formatCost(row.total_cost);
      const latency = formatMs(row.latency_ms);
      return `<g class="cassette">
<text x="${LABEL_WIDTH - 8}" y="${mid}" text-anchor="end">${escapeHtml(truncate(row.name, 42))}</text>
<rect class="bar-cost" x="${costX}" y="${y + 3}" width="${costWidth.toFixed(1)}" height="${ROW_HEIGHT - 6}"><title>${escapeHtml(`${row.name}: ${cost}`)}</title></rect>
<text x="${costX + costWidth + 4}" y="${mid}">${escapeHtml(cost)}</text>
<rect class="bar-latency" x="${latencyX}" y="${y + 3}" width="${latencyWidth.toFixed(1)}" height="${ROW_HEIGHT - 6}"><title>${escapeHtml(`${row.name}: ${latency}`)}</title></rect>
<text x="${latencyX + latencyWidth + 4}" y="${mid}">${escapeHtml(latency)}</text>
</g>`;
    })
    .join('\n');
  return `<svg id="cost-latency-chart" role="img" aria-label="Cost and mean latency per cassette" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<text class="axis-title" x="${costX}" y="18">Cost (USD)</text>
<text class="axis-title" x="${latencyX}" y="18">Mean latency</text>
${bars}
</svg>`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
