/** How figures read in the CLI's tables; `—` for a figure the recording does not give. */
export const MISSING = '—';

/** Dollars as a plain decimal, never in exponent form (`$0.00000735`, not `$7.35e-6`). */
export function formatCost(usd: number | null | undefined): string {
  if (usd === null || usd === undefined) return MISSING;
  if (usd === 0) return '$0';
  // 10 decimals reach a hundredth of a micro-dollar; trailing zeros carry no information.
  return `$${usd.toFixed(10).replace(/\.?0+$/, '')}`;
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return MISSING;
  return Math.round(n).toLocaleString('en-US');
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return MISSING;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** An age in the largest whole unit: `45s`, `12m`, `5h`, `30d`. */
export function formatAge(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return MISSING;
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ];
  for (const [unit, size] of units) if (ms >= size) return `${Math.floor(ms / size)}${unit}`;
  return '0s';
}
