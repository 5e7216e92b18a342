import type { TableColumn } from './text-table.ts';

/** A GitHub-flavoured Markdown table (for a PR comment or a job summary). */
export function renderMarkdownTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
): string {
  const cellText = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const head = `| ${columns.map((c) => cellText(c.header)).join(' | ')} |`;
  const rule = `|${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
  const body = rows.map(
    (row) => `| ${columns.map((_, i) => cellText(row[i] ?? '')).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}
