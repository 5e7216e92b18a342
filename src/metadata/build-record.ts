import { LlmCassetteError } from '../errors.ts';
import type { ProviderFacts } from '../providers/adapter.ts';
import { detectProviderFromHints, detectProviderFromUrl } from '../providers/detect.ts';
import type { NormalizedUsage, ProviderApi } from '../usage/normalized.ts';
import {
  type CostFields,
  estimateUsage,
  normalizeProviderUsage,
  priceUsage,
  reportedCostIn,
} from './accounting.ts';
import { type CallerKeys, type Extraction, ExtractionSchema, type UsageSource } from './record.ts';
import { maxTokensOf, readRequestParams } from './request-params.ts';

/** Caller-given keys that are not JSON, or that overwrite a record key with a wrong type. */
export class InvalidMetadataError extends LlmCassetteError {
  readonly code = 'metadata_invalid';
}

/** Everything known about one call once its body or stream has been read. */
export interface RecordInputs {
  api: ProviderApi;
  facts: ProviderFacts;
  stream: boolean;
  /** Set when a stream broke off before its terminal event: why, as far as known. */
  truncated: string | null;
  request: unknown;
  url: string | undefined;
  status: number | undefined;
  headers: Readonly<Record<string, string>>;
  /** Keys of the body or first stream event, for provider detection. */
  bodyKeys: ReadonlySet<string>;
  latency_ms: number | null;
  time_to_first_token_ms: number | null;
  recorded_at: number | null;
  /** A request id found outside the headers (SDK `_request_id`, an error body's `request_id`). */
  fallback_request_id: string | null;
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id'];
const LITELLM_COST_HEADER = 'x-litellm-response-cost';

export function buildExtraction(inputs: RecordInputs, extra: CallerKeys = {}): Extraction {
  const { facts, api } = inputs;
  const params = readRequestParams(inputs.request);
  const requestedModel = params.model ?? null;
  const provider = providerOf(inputs, requestedModel);
  const failed = facts.error !== null || (inputs.status !== undefined && inputs.status >= 400);

  const tokens = tokensOf(inputs, provider, failed, requestedModel, params);
  const model = facts.model ?? requestedModel;
  const serviceTier = facts.service_tier ?? params.service_tier ?? null;
  const cost: CostFields =
    tokens.usage === null || model === null
      ? noCost(tokens.reason ?? (model === null ? 'the model is not known' : 'no usage'))
      : priceUsage({ model, usage: tokens.usage, provider, api, service_tier: serviceTier });

  const error =
    facts.error ??
    (inputs.truncated ? { type: 'stream_truncated', message: inputs.truncated } : null);
  const record = {
    provider,
    api,
    model: facts.model,
    requested_model: requestedModel,
    completion_id: facts.completion_id,
    created_at: facts.created_at ?? inputs.recorded_at ?? Math.floor(Date.now() / 1000),
    finish_reason:
      failed || inputs.truncated !== null ? ('error' as const) : (facts.finish_reason ?? 'other'),
    provider_finish_reason: facts.provider_finish_reason,
    stream: inputs.stream,
    prompt_tokens: tokens.usage?.input_tokens ?? null,
    completion_tokens: tokens.usage?.output_tokens ?? null,
    total_tokens: tokens.usage?.total_tokens ?? null,
    cached_tokens: tokens.usage?.cache_read_tokens ?? null,
    cache_creation_tokens: tokens.usage?.cache_write_tokens ?? null,
    cache_creation_5m_tokens: tokens.usage?.cache_write_5m_tokens ?? null,
    cache_creation_1h_tokens: tokens.usage?.cache_write_1h_tokens ?? null,
    reasoning_tokens: tokens.usage?.reasoning_tokens ?? null,
    ...cost,
    temperature: params.temperature ?? null,
    max_tokens: maxTokensOf(params),
    top_p: params.top_p ?? null,
    service_tier: serviceTier,
    latency_ms: inputs.latency_ms,
    time_to_first_token_ms: inputs.time_to_first_token_ms,
    tool_call_count: facts.message.tool_calls.length,
    request_id: requestIdOf(inputs),
    reported_cost: reportedCostIn(facts.usage) ?? headerCost(inputs.headers),
    usage_source: tokens.source,
    http_status: inputs.status ?? null,
    error_type:
      error?.type ?? (failed && inputs.status !== undefined ? `http_${inputs.status}` : null),
    error_message: error?.message ?? null,
    ...extra,
  };
  const parsed = ExtractionSchema.safeParse({ metadata: record, message: facts.message });
  if (!parsed.success) {
    throw new InvalidMetadataError(
      `The metadata record does not validate: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join(
          '; ',
        )}. Caller-given keys must be JSON values and must not change a record key's type.`,
    );
  }
  return parsed.data;
}

function providerOf(inputs: RecordInputs, requestedModel: string | null): string {
  const fromUrl = detectProviderFromUrl(inputs.url);
  if (fromUrl) return fromUrl;
  if (Object.keys(inputs.headers).some((name) => name.startsWith('x-litellm-'))) return 'litellm';
  const usage = inputs.facts.usage;
  return detectProviderFromHints({
    api: inputs.api,
    model: inputs.facts.model ?? requestedModel,
    id: inputs.facts.completion_id,
    keys: inputs.bodyKeys,
    usageKeys:
      typeof usage === 'object' && usage !== null ? new Set(Object.keys(usage)) : new Set(),
  });
}

interface Tokens {
  usage: NormalizedUsage | null;
  source: UsageSource | null;
  /** Why there is no usage, where there is none. */
  reason: string | null;
}

function tokensOf(
  inputs: RecordInputs,
  provider: string,
  failed: boolean,
  requestedModel: string | null,
  params: ReturnType<typeof readRequestParams>,
): Tokens {
  const { facts, api } = inputs;
  if (facts.usage !== null && facts.usage !== undefined) {
    try {
      return {
        usage: normalizeProviderUsage(facts.usage, { api, provider }),
        source: 'provider',
        reason: null,
      };
    } catch (error) {
      // A usage object that contradicts itself must not cost the rest of the record.
      const message = error instanceof Error ? error.message : String(error);
      return {
        usage: null,
        source: null,
        reason: `the usage object could not be read: ${message}`,
      };
    }
  }
  if (failed) return { usage: null, source: null, reason: 'the call failed: no usage' };
  // A stream without usage (OpenAI without `stream_options.include_usage`): count locally.
  const model = facts.model ?? requestedModel;
  if (model === null)
    return { usage: null, source: null, reason: 'no usage and no model to count with' };
  const message = facts.message;
  const completion = [
    message.content ?? '',
    message.refusal ?? '',
    ...message.tool_calls.map((call) => call.name + call.arguments),
  ].join('');
  const prompt =
    typeof params.input === 'string'
      ? { text: params.input }
      : { messages: params.messages ?? params.input };
  const usage = estimateUsage({ model, prompt, completion });
  return usage
    ? { usage, source: 'estimated', reason: null }
    : {
        usage: null,
        source: null,
        reason: 'no usage, and the tokens could not be counted locally',
      };
}

function noCost(reason: string): CostFields {
  return {
    prompt_cost: null,
    completion_cost: null,
    total_cost: null,
    cost_unavailable_reason: reason,
    price_table: null,
  };
}

function requestIdOf(inputs: RecordInputs): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = inputs.headers[name];
    if (value) return value;
  }
  return inputs.fallback_request_id;
}

function headerCost(headers: Readonly<Record<string, string>>): number | null {
  const value = headers[LITELLM_COST_HEADER];
  if (value === undefined) return null;
  const cost = Number(value);
  return Number.isFinite(cost) ? cost : null;
}
