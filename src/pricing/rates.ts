import { Dec } from './decimal.ts';
import type { ResolvedModel } from './resolve.ts';
import type { ModelEntry } from './table-schema.ts';

/** A price the table lacks: kept as the key that was looked for, so errors can name it. */
export interface MissingRate {
  missing: string;
}
export type Rate = Dec | MissingRate;
export const isMissing = (rate: Rate): rate is MissingRate => !(rate instanceof Dec);

export type SearchContextSize = 'low' | 'medium' | 'high';

export interface RateOptions {
  serviceTier: string | undefined;
  batch: boolean;
  inferenceGeo: string | undefined;
  searchContextSize: SearchContextSize;
}

/** Which of LiteLLM's rules applied, reported in every cost. */
export interface AppliedPricing {
  service_tier: string | null;
  batch: boolean;
  long_context_threshold: number | null;
  inference_geo: string | null;
  geo_multiplier: number;
}

/** Every per-unit price one request is billed at, after tiers, batch and region. */
export interface RateCard {
  input: Rate;
  cacheRead: Rate;
  cacheWrite: Rate;
  cacheWrite1h: Rate;
  inputAudio: Rate;
  output: Rate;
  reasoning: Rate;
  outputAudio: Rate;
  webSearch: Rate;
  applied: AppliedPricing;
  /**
   * The same rates as integers of 10^-scale dollars, when every rate fits: costs then add up in
   * exact integer arithmetic on plain numbers (the fast path). Undefined when they do not fit.
   */
  units?: { scale: number; divisor: number; rates: Record<RateName, number> };
  /** The rates the table lacks, listed once so that a cost checks only those against its counts. */
  missingRates: readonly RateName[];
}
export type RateName = Exclude<keyof RateCard, 'applied' | 'units' | 'missingRates'>;
const RATE_NAMES: readonly RateName[] = [
  'input',
  'cacheRead',
  'cacheWrite',
  'cacheWrite1h',
  'inputAudio',
  'output',
  'reasoning',
  'outputAudio',
  'webSearch',
];

/** OpenAI's `service_tier` values mapped to the suffix of their price keys, as LiteLLM maps them. */
const SERVICE_TIER_SUFFIX: Record<string, string> = {
  flex: 'flex',
  priority: 'priority',
  fast: 'priority',
  ultrafast: 'ultrafast',
};

/** Providers whose long-context price starts AT the threshold (LiteLLM: `>=` for xAI). */
const INCLUSIVE_THRESHOLD_PROVIDERS = new Set(['xai']);

const THRESHOLD_KEY = /^input_cost_per_token_above_(\d+)(k?)_tokens$/;

interface Threshold {
  label: string;
  tokens: number;
}

const thresholdCache = new WeakMap<ModelEntry, Threshold[]>();

/** The entry's long-context thresholds (`above_128k`, `above_200k`...), highest first. */
function thresholdsOf(entry: ModelEntry): Threshold[] {
  let found = thresholdCache.get(entry);
  if (!found) {
    found = [];
    for (const key of Object.keys(entry)) {
      const match = THRESHOLD_KEY.exec(key);
      if (match && typeof entry[key] === 'number') {
        found.push({
          label: `${match[1]}${match[2]}`,
          tokens: Number(match[1]) * (match[2] ? 1000 : 1),
        });
      }
    }
    found.sort((a, b) => b.tokens - a.tokens);
    thresholdCache.set(entry, found);
  }
  return found;
}

/**
 * The long-context threshold a request passes: LiteLLM compares the whole prompt, cache included,
 * and once it is passed the tier's prices apply to every token of the request.
 */
export function longContextThreshold(model: ResolvedModel, inputTokens: number): number | null {
  const inclusive = INCLUSIVE_THRESHOLD_PROVIDERS.has(model.provider);
  for (const threshold of thresholdsOf(model.entry)) {
    if (inputTokens > threshold.tokens || (inclusive && inputTokens === threshold.tokens)) {
      return threshold.tokens;
    }
  }
  return null;
}

interface ModelCards {
  /** The card of a plain request (no tier, batch, region or threshold): the common case. */
  plain?: RateCard;
  byOptions: Map<string, RateCard>;
}
const cards = new WeakMap<ResolvedModel, ModelCards>();

function isPlain(options: RateOptions, threshold: number | null): boolean {
  return (
    threshold === null &&
    !options.batch &&
    options.serviceTier === undefined &&
    options.inferenceGeo === undefined &&
    options.searchContextSize === 'medium'
  );
}

/** The rate card for a model, options and long-context tier; cached per resolved model. */
export function rateCard(
  model: ResolvedModel,
  options: RateOptions,
  threshold: number | null,
): RateCard {
  let perModel = cards.get(model);
  if (!perModel) {
    perModel = { byOptions: new Map() };
    cards.set(model, perModel);
  }
  const plain = isPlain(options, threshold);
  if (plain && perModel.plain) return perModel.plain;
  const key = `${options.serviceTier}|${options.batch}|${threshold}|${options.inferenceGeo}|${options.searchContextSize}`;
  let card = perModel.byOptions.get(key);
  if (!card) {
    card = buildRateCard(model, options, threshold);
    perModel.byOptions.set(key, card);
  }
  if (plain) perModel.plain = card;
  return card;
}

function buildRateCard(
  model: ResolvedModel,
  options: RateOptions,
  thresholdTokens: number | null,
): RateCard {
  const entry = model.entry;
  // Batch is its own tier: OpenAI's service tiers do not apply to batch requests.
  const suffix =
    !options.batch && options.serviceTier
      ? SERVICE_TIER_SUFFIX[options.serviceTier.toLowerCase()]
      : undefined;
  const num = (key: string): Dec | undefined => {
    const value = entry[key];
    return typeof value === 'number' ? new Dec(value) : undefined;
  };
  // LiteLLM's `_get_cost_per_unit`: the service-tier key, else the standard key.
  const tiered = (key: string): Dec | undefined =>
    (suffix ? num(`${key}_${suffix}`) : undefined) ?? num(key);
  const orMissing = (rate: Dec | undefined, key: string): Rate => rate ?? { missing: key };

  const threshold = thresholdsOf(entry).find((t) => t.tokens === thresholdTokens);
  const above = (key: string, base: Dec | undefined): Dec | undefined =>
    threshold ? (tiered(`${key}_above_${threshold.label}_tokens`) ?? base) : base;

  const baseInput = tiered('input_cost_per_token');
  let input = above('input_cost_per_token', baseInput);
  const baseOutput = tiered('output_cost_per_token');
  let output = above('output_cost_per_token', baseOutput);
  // Where the table has no cache price, cached tokens cost what uncached ones do (LiteLLM: $0).
  const cacheRead =
    above('cache_read_input_token_cost', tiered('cache_read_input_token_cost')) ?? input;
  const cacheWrite =
    above('cache_creation_input_token_cost', tiered('cache_creation_input_token_cost')) ?? input;
  const cacheWrite1h = threshold
    ? (num(`cache_creation_input_token_cost_above_1hr_above_${threshold.label}_tokens`) ??
      num('cache_creation_input_token_cost_above_1hr'))
    : num('cache_creation_input_token_cost_above_1hr');
  const inputAudio = tiered('input_cost_per_audio_token');
  const outputAudio = num('output_cost_per_audio_token') ?? output;
  // LiteLLM's `_resolve_reasoning_token_cost`.
  let reasoning: Dec | undefined;
  if (suffix && num(`output_cost_per_reasoning_token_${suffix}`)) {
    reasoning = num(`output_cost_per_reasoning_token_${suffix}`);
  } else if (suffix && num(`output_cost_per_token_${suffix}`)) {
    reasoning = output;
  } else {
    reasoning = num('output_cost_per_reasoning_token') ?? output;
  }

  const half = new Dec('0.5');
  let batchInputOther: Dec | undefined;
  let batchOutputOther: Dec | undefined;
  if (options.batch) {
    // LiteLLM: the `_batches` price where the table has one, else half the standard price.
    const inputBatch = threshold ? undefined : num('input_cost_per_token_batches');
    const outputBatch = threshold ? undefined : num('output_cost_per_token_batches');
    input = inputBatch ?? input?.times(half);
    output = outputBatch ?? output?.times(half);
    batchInputOther = half;
    batchOutputOther = half;
  }
  const scaleIn = (rate: Dec | undefined) =>
    rate && batchInputOther ? rate.times(batchInputOther) : rate;
  const scaleOut = (rate: Dec | undefined) =>
    rate && batchOutputOther ? rate.times(batchOutputOther) : rate;

  const geo = options.inferenceGeo?.toLowerCase();
  const geoValue =
    geo && geo !== 'global' && geo !== 'not_available'
      ? entry.provider_specific_entry?.[geo]
      : undefined;
  const geoMultiplier = typeof geoValue === 'number' ? new Dec(geoValue) : new Dec(1);
  const geoScaled = (rate: Dec | undefined) =>
    rate && !geoMultiplier.eq(1) ? rate.times(geoMultiplier) : rate;

  const search =
    entry.search_context_cost_per_query?.[`search_context_size_${options.searchContextSize}`];

  const card: RateCard = {
    input: orMissing(geoScaled(input), 'input_cost_per_token'),
    cacheRead: orMissing(geoScaled(scaleIn(cacheRead)), 'cache_read_input_token_cost'),
    cacheWrite: orMissing(geoScaled(scaleIn(cacheWrite)), 'cache_creation_input_token_cost'),
    cacheWrite1h: orMissing(
      geoScaled(scaleIn(cacheWrite1h)),
      'cache_creation_input_token_cost_above_1hr',
    ),
    inputAudio: orMissing(geoScaled(scaleIn(inputAudio)), 'input_cost_per_audio_token'),
    output: orMissing(geoScaled(output), 'output_cost_per_token'),
    reasoning: orMissing(geoScaled(scaleOut(reasoning)), 'output_cost_per_reasoning_token'),
    outputAudio: orMissing(geoScaled(scaleOut(outputAudio)), 'output_cost_per_audio_token'),
    webSearch:
      typeof search === 'number' ? new Dec(search) : { missing: 'search_context_cost_per_query' },
    applied: {
      service_tier: suffix ?? null,
      batch: options.batch,
      long_context_threshold: threshold?.tokens ?? null,
      inference_geo: geoMultiplier.eq(1) ? null : (geo ?? null),
      geo_multiplier: geoMultiplier.toNumber(),
    },
    missingRates: [],
  };
  card.missingRates = RATE_NAMES.filter((name) => isMissing(card[name]));
  card.units = integerUnits(card);
  return card;
}

/** Integer rates in 10^-scale dollars, if every rate is a safe integer at one common scale. */
function integerUnits(card: RateCard): RateCard['units'] {
  let scale = 0;
  for (const name of RATE_NAMES) {
    const rate = card[name];
    if (!isMissing(rate)) scale = Math.max(scale, rate.decimalPlaces());
  }
  if (scale > 22) return undefined; // 10^scale would not be an exact double
  const rates = {} as Record<RateName, number>;
  for (const name of RATE_NAMES) {
    const rate = card[name];
    if (isMissing(rate)) {
      rates[name] = Number.NaN; // never multiplied: a missing rate with a count > 0 throws first
      continue;
    }
    const units = rate.times(new Dec(10).pow(scale)).toNumber();
    if (!Number.isSafeInteger(units)) return undefined;
    rates[name] = units;
  }
  return { scale, divisor: Number(`1e${scale}`), rates };
}
