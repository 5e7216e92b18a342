import type { TableColumn } from './render/text-table.ts';
import { formatAge, formatCost, formatCount, formatMs } from './render/units.ts';
import type { CassetteRow } from './report-data.ts';

/** The columns `report` shows in its table, Markdown and HTML forms (JSON gives every key). */
export const REPORT_COLUMNS: readonly TableColumn[] = [
  { header: 'cassette' },
  { header: 'provider' },
  { header: 'model' },
  { header: 'calls', align: 'right' },
  { header: 'prompt tok', align: 'right' },
  { header: 'compl. tok', align: 'right' },
  { header: 'total tok', align: 'right' },
  { header: 'cost', align: 'right' },
  { header: 'TTFT', align: 'right' },
  { header: 'latency', align: 'right' },
  { header: 'age', align: 'right' },
];

export function reportCells(row: CassetteRow): string[] {
  return [
    row.path,
    row.provider ?? '—',
    row.model ?? '—',
    String(row.calls),
    formatCount(row.prompt_tokens),
    formatCount(row.completion_tokens),
    formatCount(row.total_tokens),
    formatCost(row.total_cost),
    formatMs(row.ttft_ms),
    formatMs(row.latency_ms),
    `${formatAge(row.age_ms)}${row.expired ? ' (expired)' : ''}`,
  ];
}
