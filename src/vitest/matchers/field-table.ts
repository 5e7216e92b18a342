import { formatFieldValue } from './field-value.ts';

export interface FieldRow {
  field: string;
  expected: unknown;
  received: unknown;
  same: boolean;
}

type Formatter = (text: string) => string;

export interface TableColors {
  expected: Formatter;
  received: Formatter;
  dim: Formatter;
}

/**
 * Fields side by side, one line each, marked `✗` where they differ:
 *
 *     field               expected     received
 *   ✗ prompt_tokens       17           19
 *     completion_tokens   8            8
 *
 * Padding happens before colouring, so the columns line up with or without colour.
 */
export function renderFieldTable(
  rows: readonly FieldRow[],
  colors: TableColors,
  headings: { expected: string; received: string } = { expected: 'expected', received: 'received' },
): string {
  const cells = rows.map((row) => ({
    row,
    expected: formatFieldValue(row.field, row.expected),
    received: formatFieldValue(row.field, row.received),
  }));
  const width = (values: string[]) => Math.max(...values.map((v) => v.length));
  const fieldWidth = width(['field', ...rows.map((r) => r.field)]);
  const expectedWidth = width([headings.expected, ...cells.map((c) => c.expected)]);
  const head = `    ${'field'.padEnd(fieldWidth)}   ${headings.expected.padEnd(expectedWidth)}   ${headings.received}`;
  const lines = cells.map(({ row, expected, received }) => {
    const field = row.field.padEnd(fieldWidth);
    const left = expected.padEnd(expectedWidth);
    if (row.same) return colors.dim(`    ${field}   ${left}   ${received}`);
    return `  ✗ ${field}   ${colors.expected(left)}   ${colors.received(received)}`;
  });
  return [colors.dim(head), ...lines].join('\n');
}
