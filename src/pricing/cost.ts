import { normalizeUsage } from '../usage/normalize.ts';
import type { NormalizedUsage, ProviderApi } from '../usage/normalized.ts';
import type { CostBreakdown, CostResult } from './cost-result.ts';
import { Dec } from './decimal.ts';
import { NoPriceError } from './errors.ts';
import {
  isMissing,
  longContextThreshold,
  type MissingRate,
  type Rate,
  type RateCard,
  type RateName,
  rateCard,
  type SearchContextSize,
} from './rates.ts';
import { resolveModel } from './resolve.ts';
import { priceTableIdentity } from './table.ts';

export interface CostInput {
  model: string;
  /** The provider's usage object as the response carried it, or a `NormalizedUsage`. */
  usage: unknown;
  provider?: string;
  api?: ProviderApi;
  /** The response's `service_tier` (OpenAI: `flex`, `priority`; others price as standard). */
  service_tier?: string;
  batch?: boolean;
  /** Anthropic's `usage.inference_geo` (read from the usage object when not given). */
  inference_geo?: string;
  /** OpenAI's web-search context size; LiteLLM's default is `medium`. */
  search_context_size?: SearchContextSize;
}

const NO_HINT = {};

/** The count of each billed unit, one per rate of the rate card. */
type Counts = Record<RateName, number>;

const PARTS: readonly [keyof CostBreakdown, RateName, string][] = [
  ['input_text_cost', 'input', 'uncached input tokens'],
  ['cache_read_cost', 'cacheRead', 'cache-read tokens'],
  ['cache_write_cost', 'cacheWrite', 'cache-write tokens'],
  ['cache_write_1h_cost', 'cacheWrite1h', '1-hour cache-write tokens'],
  ['input_audio_cost', 'inputAudio', 'input audio tokens'],
  ['output_text_cost', 'output', 'output tokens'],
  ['reasoning_cost', 'reasoning', 'reasoning tokens'],
  ['output_audio_cost', 'outputAudio', 'output audio tokens'],
  ['web_search_cost', 'webSearch', 'web search requests'],
];
const WHAT_IS_BILLED = Object.fromEntries(PARTS.map(([, rate, what]) => [rate, what])) as Record<
  RateName,
  string
>;
const INPUT_PARTS = new Set<RateName>([
  'input',
  'cacheRead',
  'cacheWrite',
  'cacheWrite1h',
  'inputAudio',
]);

/** Splits a normalized usage into disjoint billed units, so no token is charged twice. */
function countsOf(usage: NormalizedUsage): Counts {
  const uncached = usage.input_tokens - usage.cache_read_tokens - usage.cache_write_tokens;
  // Audio may overlap the cached tokens; bill as audio only what the cache did not cover.
  const inputAudio = Math.min(usage.input_audio_tokens, uncached);
  const write1h = usage.cache_write_1h_tokens ?? 0;
  return {
    input: uncached - inputAudio,
    cacheRead: usage.cache_read_tokens,
    cacheWrite: usage.cache_write_tokens - write1h,
    cacheWrite1h: write1h,
    inputAudio,
    output: usage.output_tokens - usage.reasoning_tokens - usage.output_audio_tokens,
    reasoning: usage.reasoning_tokens,
    outputAudio: usage.output_audio_tokens,
    webSearch: usage.web_search_requests,
  };
}

const readString = (usage: unknown, key: string): string | undefined => {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const value = (usage as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The cost of one request, LiteLLM-compatible and exact: every part is computed in exact decimals
 * (integer sub-units of a dollar, or decimal.js where those would not fit a double) and converted
 * to a JS number once, at the end. Throws `UnknownModelError`, `NoPriceError` and the usage errors.
 */
export function costOf(input: CostInput): CostResult {
  const model = resolveModel(input.model, input.provider);
  const usage = normalizeUsage(input.usage, input.provider || input.api ? input : NO_HINT);
  const options = {
    serviceTier: input.service_tier ?? readString(input.usage, 'service_tier'),
    batch: input.batch ?? false,
    inferenceGeo: input.inference_geo ?? readString(input.usage, 'inference_geo'),
    searchContextSize: input.search_context_size ?? 'medium',
  };
  const card = rateCard(model, options, longContextThreshold(model, usage.input_tokens));
  const counts = countsOf(usage);
  for (const rate of card.missingRates) {
    if (counts[rate] > 0) {
      const price = card[rate] as MissingRate;
      throw new NoPriceError(model.key, price.missing, `${counts[rate]} ${WHAT_IS_BILLED[rate]}`);
    }
  }
  const money = exactIntegerCosts(card, counts) ?? decimalCosts(card, counts);
  return {
    model: model.key,
    requested_model: input.model,
    provider: model.provider,
    prompt_cost: money.prompt_cost,
    completion_cost: money.completion_cost,
    request_cost: money.request_cost,
    total_cost: money.total_cost,
    breakdown: money.breakdown,
    currency: 'USD',
    usage,
    pricing: card.applied,
    price_table: priceTableIdentity(model.overridden),
  };
}

type Money = Pick<
  CostResult,
  'prompt_cost' | 'completion_cost' | 'request_cost' | 'total_cost' | 'breakdown'
>;

/** Fast path: integer sub-units on doubles, exact while every sum stays below 2^53. */
function exactIntegerCosts(card: RateCard, counts: Counts): Money | undefined {
  const units = card.units;
  if (!units) return undefined;
  const r = units.rates;
  // A missing rate is NaN; its count is 0 here (checked before), so skip the product.
  const inputText = counts.input && counts.input * r.input;
  const cacheRead = counts.cacheRead && counts.cacheRead * r.cacheRead;
  const cacheWrite = counts.cacheWrite && counts.cacheWrite * r.cacheWrite;
  const cacheWrite1h = counts.cacheWrite1h && counts.cacheWrite1h * r.cacheWrite1h;
  const inputAudio = counts.inputAudio && counts.inputAudio * r.inputAudio;
  const outputText = counts.output && counts.output * r.output;
  const reasoning = counts.reasoning && counts.reasoning * r.reasoning;
  const outputAudio = counts.outputAudio && counts.outputAudio * r.outputAudio;
  const webSearch = counts.webSearch && counts.webSearch * r.webSearch;
  const prompt = inputText + cacheRead + cacheWrite + cacheWrite1h + inputAudio;
  const completion = outputText + reasoning + outputAudio;
  const total = prompt + completion + webSearch;
  // Every part is at most the total; if the total is a safe integer, every sum above was exact.
  if (!Number.isSafeInteger(total)) return undefined;
  // A quotient of two exact doubles is correctly rounded: the nearest double to the exact decimal.
  const d = units.divisor;
  return {
    prompt_cost: prompt / d,
    completion_cost: completion / d,
    request_cost: webSearch / d,
    total_cost: total / d,
    breakdown: {
      input_text_cost: inputText / d,
      cache_read_cost: cacheRead / d,
      cache_write_cost: cacheWrite / d,
      cache_write_1h_cost: cacheWrite1h / d,
      input_audio_cost: inputAudio / d,
      output_text_cost: outputText / d,
      reasoning_cost: reasoning / d,
      output_audio_cost: outputAudio / d,
      web_search_cost: webSearch / d,
    },
  };
}

/** General path: decimal.js, for counts or prices too large for the integer path. */
export function decimalCosts(card: RateCard, counts: Counts): Money {
  const breakdown = {} as CostBreakdown;
  let prompt = new Dec(0);
  let completion = new Dec(0);
  let request = new Dec(0);
  for (const [part, name] of PARTS) {
    const rate: Rate = card[name];
    const cost = counts[name] === 0 || isMissing(rate) ? new Dec(0) : rate.times(counts[name]);
    breakdown[part] = cost.toNumber();
    if (name === 'webSearch') request = request.plus(cost);
    else if (INPUT_PARTS.has(name)) prompt = prompt.plus(cost);
    else completion = completion.plus(cost);
  }
  return {
    prompt_cost: prompt.toNumber(),
    completion_cost: completion.toNumber(),
    request_cost: request.toNumber(),
    total_cost: prompt.plus(completion).plus(request).toNumber(),
    breakdown,
  };
}
