import { Decimal } from 'decimal.js';
import type { Cassette } from '../cassette/format.ts';
import type { LlmCassetteConfig } from '../config/config.ts';
import { cassetteExpiry } from '../config/expiry.ts';
import { findCassetteFiles, portablePath, readEach } from './cassette-files.ts';
import { figuresOf, type InteractionFigures } from './metadata-bridge.ts';
import { parseCassetteText } from './parse-cassette-text.ts';
import type { Progress } from './progress.ts';

/** One cassette's line in `llm-cassette report` (the JSON keys are public: keep them). */
export interface CassetteRow {
  path: string;
  name: string;
  /** Distinct providers / models of its calls, joined by ", " (null when none is known). */
  provider: string | null;
  model: string | null;
  calls: number;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  cached_tokens: number | null;
  total_cost: number | null;
  /** Mean over the calls that have one. */
  ttft_ms: number | null;
  latency_ms: number | null;
  recorded_at: string | null;
  age_ms: number | null;
  expires_at: string | null;
  expired: boolean;
}

/** Sums over the cassettes that give the figure; null when none does. */
export interface ReportTotals {
  cassettes: number;
  calls: number;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  total_cost: number | null;
  expired: number;
}

export interface ReportData {
  dir: string;
  generated_at: string;
  cassettes: CassetteRow[];
  totals: ReportTotals;
  /** Files that could not be read as cassettes (`validate` says why in detail). */
  unreadable: { path: string; error: string }[];
}

export async function buildReportData(
  dir: string,
  options: {
    config: LlmCassetteConfig;
    now?: Date;
    /** Given the number of files once they are found. */
    progress?: (total: number) => Progress;
  },
): Promise<ReportData> {
  const now = options.now ?? new Date();
  const files = await findCassetteFiles(dir);
  const rows = new Map<string, CassetteRow>();
  const unreadable: ReportData['unreadable'] = [];
  const progress = options.progress?.(files.length);
  await readEach(files, (path, text) => {
    const shown = portablePath(path);
    try {
      if (text instanceof Error) throw text;
      rows.set(path, summarizeCassette(parseCassetteText(text, shown), shown, options.config, now));
    } catch (error) {
      unreadable.push({ path: shown, error: firstLine(error) });
    }
    progress?.tick(shown);
  });
  progress?.stop();
  const cassettes = files.flatMap((f) => rows.get(f) ?? []);
  return {
    dir,
    generated_at: now.toISOString(),
    cassettes,
    totals: totalsOf(cassettes),
    unreadable: unreadable.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

export function summarizeCassette(
  cassette: Cassette,
  path: string,
  config: Pick<LlmCassetteConfig, 'expiresIn' | 'onExpired'>,
  now: Date,
): CassetteRow {
  const figures = cassette.interactions.map(figuresOf);
  const expiry = cassetteExpiry(cassette, config, now);
  return {
    path,
    name: cassette.name,
    provider: distinct(figures, 'provider'),
    model: distinct(figures, 'model'),
    calls: cassette.interactions.length,
    prompt_tokens: sum(figures, 'prompt_tokens'),
    completion_tokens: sum(figures, 'completion_tokens'),
    total_tokens: sum(figures, 'total_tokens'),
    cached_tokens: sum(figures, 'cached_tokens'),
    total_cost: sum(figures, 'total_cost'),
    ttft_ms: mean(figures, 'time_to_first_token_ms'),
    latency_ms: mean(figures, 'latency_ms'),
    recorded_at: expiry.recorded_at ?? null,
    age_ms: expiry.age_ms ?? null,
    expires_at: expiry.expires_at ?? null,
    expired: expiry.expired,
  };
}

type NumericKey = {
  [K in keyof InteractionFigures]: InteractionFigures[K] extends number | null ? K : never;
}[keyof InteractionFigures];

function known(figures: readonly InteractionFigures[], key: NumericKey): number[] {
  return figures.map((f) => f[key]).filter((v): v is number => v !== null);
}

/** Null when no call reports the figure: "unknown" must not read as zero. */
function sum(figures: readonly InteractionFigures[], key: NumericKey): number | null {
  const values = known(figures, key);
  return values.length === 0 ? null : exactSum(values);
}

/** Decimal addition, so summed costs read `0.3`, not `0.30000000000000004`. */
function exactSum(values: readonly number[]): number {
  return values.reduce((total, v) => total.plus(v), new Decimal(0)).toNumber();
}

function mean(figures: readonly InteractionFigures[], key: NumericKey): number | null {
  const values = known(figures, key);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function distinct(figures: readonly InteractionFigures[], key: 'provider' | 'model') {
  const values = [...new Set(figures.map((f) => f[key]).filter((v): v is string => !!v))];
  return values.length === 0 ? null : values.join(', ');
}

function totalsOf(rows: readonly CassetteRow[]): ReportTotals {
  const add = (key: 'prompt_tokens' | 'completion_tokens' | 'total_tokens' | 'total_cost') => {
    const values = rows.map((row) => row[key]).filter((v): v is number => v !== null);
    return values.length === 0 ? null : exactSum(values);
  };
  return {
    cassettes: rows.length,
    calls: rows.reduce((total, row) => total + row.calls, 0),
    prompt_tokens: add('prompt_tokens'),
    completion_tokens: add('completion_tokens'),
    total_tokens: add('total_tokens'),
    total_cost: add('total_cost'),
    expired: rows.filter((row) => row.expired).length,
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
