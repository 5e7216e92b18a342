import type { CassetteUse } from './cassette-use.ts';

/** One cassette's line in the end-of-run summary (a cassette used by several tests is summed). */
export interface CassetteSummaryRow {
  path: string;
  modes: string[];
  replayed: number;
  recorded: number;
  unused: number;
  missing: number;
  written: boolean;
  discarded: boolean;
}

export interface CassetteRunSummary {
  cassettes: number;
  replayed: number;
  recorded: number;
  unused: number;
  missing: number;
  written: number;
  discarded: number;
  rows: CassetteSummaryRow[];
}

/** Merges what every test's cassette did, whichever worker, pool or shard ran it. */
export function summarizeCassetteUses(uses: Iterable<CassetteUse>): CassetteRunSummary {
  const byPath = new Map<string, CassetteSummaryRow>();
  for (const use of uses) {
    const row = byPath.get(use.path) ?? {
      path: use.path,
      modes: [],
      replayed: 0,
      recorded: 0,
      unused: 0,
      missing: 0,
      written: false,
      discarded: false,
    };
    if (!row.modes.includes(use.mode)) row.modes.push(use.mode);
    row.replayed += use.replayed;
    row.recorded += use.recorded;
    row.unused += use.unused;
    row.missing += use.missing;
    row.written ||= use.written;
    row.discarded ||= use.discarded;
    byPath.set(use.path, row);
  }
  const rows = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  const sum = (key: 'replayed' | 'recorded' | 'unused' | 'missing') =>
    rows.reduce((total, row) => total + row[key], 0);
  return {
    cassettes: rows.length,
    replayed: sum('replayed'),
    recorded: sum('recorded'),
    unused: sum('unused'),
    missing: sum('missing'),
    written: rows.filter((r) => r.written).length,
    discarded: rows.filter((r) => r.discarded).length,
    rows,
  };
}

/**
 * The summary as text: a totals line, then one line per cassette with what it did, the
 * cassettes that need attention (missing, discarded, unused) marked.
 */
export function renderCassetteSummary(summary: CassetteRunSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const head =
    `llm-cassette: ${plural(summary.cassettes, 'cassette')} · ${summary.replayed} replayed · ` +
    `${summary.recorded} recorded · ${summary.unused} unused · ${summary.missing} missing` +
    (summary.written > 0 ? ` · ${plural(summary.written, 'file')} written` : '') +
    (summary.discarded > 0 ? ` · ${summary.discarded} discarded (failed tests)` : '');
  const numbers = summary.rows.map((row) => [row.replayed, row.recorded, row.unused, row.missing]);
  const columns = ['replayed', 'recorded', 'unused', 'missing'];
  const widths = columns.map((title, i) =>
    Math.max(title.length, ...numbers.map((n) => String(n[i]).length)),
  );
  const cells = (values: Array<string | number>) =>
    values.map((v, i) => String(v).padStart(widths[i]!)).join('  ');
  const lines = summary.rows.map((row, r) => {
    const notes = [
      row.missing > 0 ? 'MISSING' : '',
      row.discarded ? 'discarded: test failed' : '',
      row.unused > 0 ? 'has unused' : '',
      row.written ? 'written' : '',
    ].filter(Boolean);
    return `  ${cells(numbers[r]!)}  ${row.path}${notes.length > 0 ? `  (${notes.join(', ')})` : ''}`;
  });
  return [head, `  ${cells(columns)}  cassette`, ...lines].join('\n');
}
