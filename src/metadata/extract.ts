import { LlmCassetteError } from '../errors.ts';
import type { ProviderError, ProviderFacts } from '../providers/adapter.ts';
import { detectApiFromUrl, detectProviderFromUrl } from '../providers/detect.ts';
import { ErrorBodySchema, readProviderError } from '../providers/error-body.ts';
import { adapterFor, detectApiFromBody } from '../providers/index.ts';
import { forEachSseData } from '../sse/parse.ts';
import type { ProviderApi } from '../usage/normalized.ts';
import { buildExtraction } from './build-record.ts';
import { type Call, resolveCall } from './call.ts';
import { pinRecordedCost } from './pinned-cost.ts';
import type { CallerKeys, Extraction } from './record.ts';
import { readRequestParams } from './request-params.ts';
import { type AssembledStream, StreamAssembler } from './stream-assembler.ts';

/** A body that is neither a response of a known API nor an error body. */
export class UnrecognizedResponseError extends LlmCassetteError {
  readonly code = 'metadata_unrecognized_response';
}

/**
 * Extracts the metadata record and the reassembled assistant message of one LLM call.
 *
 * `input` is any of: an SDK response object or parsed JSON body; the JSON or SSE text of a
 * body; an array of stream events; a cassette interaction; or `{ request, response, url?,
 * status?, headers?, latency_ms?, time_to_first_token_ms? }` wrapping one of those with what the
 * body cannot say itself. `extra` keys (`routing_path`, `session_id`, …) are added to the record.
 */
export function extractMetadata(input: unknown, extra: CallerKeys = {}): Extraction {
  return pinRecordedCost(input, extractCall(resolveCall(input), extra));
}

export function extractCall(call: Call, extra: CallerKeys = {}): Extraction {
  const urlApi = detectApiFromUrl(call.url);
  const common = callFields(call);
  const body = call.body;
  if (body.kind === 'json' || body.kind === 'text') {
    const read = readBody(call, urlApi);
    return buildExtraction(
      {
        ...common,
        ...read,
        stream: false,
        truncated: null,
        time_to_first_token_ms: call.time_to_first_token_ms,
      },
      extra,
    );
  }

  const assembler = new StreamAssembler({ api: urlApi, provider: detectProviderFromUrl(call.url) });
  if (body.kind === 'sse') {
    forEachSseData(body.text, (data) => assembler.pushData(data));
  } else {
    for (const event of body.events) {
      if (event.json !== undefined) assembler.pushPayload(event.json, event.t);
      else if (event.data !== undefined) assembler.pushData(event.data, event.t);
    }
  }
  return extractAssembled(assembler.finish(), call, extra);
}

/** What the record takes from the call itself, whatever its body. */
function callFields(call: Call) {
  return {
    request: call.request,
    url: call.url,
    status: call.status,
    headers: call.headers,
    latency_ms: call.latency_ms,
    recorded_at: call.recorded_at,
  };
}

/** The record of a stream, once its events are in (or it broke off). */
export function extractAssembled(
  stream: AssembledStream,
  call: Call,
  extra: CallerKeys = {},
): Extraction {
  const truncated = !call.complete
    ? (call.transport_error ?? 'the stream broke off before its end')
    : stream.terminated
      ? null
      : 'the stream ended before its terminal event';
  return buildExtraction(
    {
      ...callFields(call),
      api: stream.facts.api,
      facts: stream.facts,
      stream: true,
      truncated,
      bodyKeys: stream.firstKeys,
      time_to_first_token_ms: call.time_to_first_token_ms ?? stream.firstOutputAt,
      fallback_request_id: call.sdk_request_id,
    },
    extra,
  );
}

interface ReadBody {
  api: ProviderApi;
  facts: ProviderFacts;
  bodyKeys: ReadonlySet<string>;
  fallback_request_id: string | null;
}

/** A non-stream body: a response of its API, or an error body (with or without a status). */
function readBody(call: Call, urlApi: ProviderApi | null): ReadBody {
  const value = call.body.kind === 'json' ? call.body.value : undefined;
  const keys = new Set(typeof value === 'object' && value !== null ? Object.keys(value) : []);
  const failedStatus = call.status !== undefined && call.status >= 400;
  const bodyApi = detectApiFromBody(value);
  const errorBody = ErrorBodySchema.safeParse(value);
  if (!failedStatus && (bodyApi !== null || !errorBody.success)) {
    // The URL names the API where it can; the body's shape decides otherwise.
    const api = urlApi ?? bodyApi;
    if (api === null) throw unrecognized(value);
    const facts = adapterFor(api, detectProviderFromUrl(call.url)).parseBody(value);
    return { api, facts, bodyKeys: keys, fallback_request_id: call.sdk_request_id };
  }
  const error: ProviderError = errorBody.success
    ? readProviderError(errorBody.data.error)
    : { type: null, message: textOf(call) };
  const api = urlApi ?? errorApi(value, call.request);
  return {
    api,
    facts: errorFacts(api, error),
    bodyKeys: keys,
    fallback_request_id:
      call.sdk_request_id ?? (errorBody.success ? (errorBody.data.request_id ?? null) : null),
  };
}

function errorFacts(api: ProviderApi, error: ProviderError): ProviderFacts {
  return {
    api,
    model: null,
    completion_id: null,
    created_at: null,
    provider_finish_reason: null,
    finish_reason: 'error',
    usage: null,
    service_tier: null,
    error,
    message: { role: 'assistant', content: null, tool_calls: [] },
  };
}

/** The API of an error body without a URL: Anthropic's says `type: "error"`; else the request's shape. */
function errorApi(body: unknown, request: unknown): ProviderApi {
  if (typeof body === 'object' && body !== null && (body as { type?: unknown }).type === 'error') {
    return 'messages';
  }
  const params = readRequestParams(request);
  if (params.input !== undefined || params.max_output_tokens != null) return 'responses';
  if (params.model?.startsWith('claude')) return 'messages';
  return 'chat.completions';
}

const TEXT_EXCERPT = 500;

function textOf(call: Call): string | null {
  if (call.body.kind === 'text') return call.body.text.slice(0, TEXT_EXCERPT) || null;
  if (call.body.kind === 'json') return JSON.stringify(call.body.value).slice(0, TEXT_EXCERPT);
  return null;
}

function unrecognized(body: unknown): UnrecognizedResponseError {
  const keys =
    typeof body === 'object' && body !== null
      ? Object.keys(body).join(', ') || 'none'
      : typeof body;
  return new UnrecognizedResponseError(
    `The response body is not one llm-cassette knows (top-level keys: ${keys}). Expected a Chat ` +
      'Completions body (`choices`), a Responses body (`object: "response"`), an Anthropic ' +
      'message (`type: "message"`), an error body (`error`), or the SSE text of a stream. Pass ' +
      '--url (or `url`) to name the API, and --status for an error body.',
  );
}
