import { z } from 'zod';
import { type Interaction, InteractionSchema } from '../cassette/format.ts';
import { LlmCassetteError } from '../errors.ts';

/** An input `extractMetadata` cannot read: names the shapes it accepts. */
export class UnrecognizedInputError extends LlmCassetteError {
  readonly code = 'metadata_unrecognized_input';
}

/** A stream event as a cassette records it: parsed `json`, or verbatim `data`, at `t` ms. */
export interface TimedEvent {
  t?: number;
  json?: unknown;
  data?: string;
}

export type CallBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'sse'; text: string }
  | { kind: 'events'; events: readonly TimedEvent[] };

/** Everything an extraction reads, whatever form the input came in. */
export interface Call {
  request: unknown;
  url: string | undefined;
  status: number | undefined;
  /** Response headers, names lower-cased. */
  headers: Readonly<Record<string, string>>;
  body: CallBody;
  /** False when the transport says the body broke off; the reason, where known. */
  complete: boolean;
  transport_error: string | null;
  latency_ms: number | null;
  time_to_first_token_ms: number | null;
  /** Unix seconds of the recording, for `created_at` where the provider sends none. */
  recorded_at: number | null;
  /** The SDKs' `_request_id` on response objects. */
  sdk_request_id: string | null;
}

/**
 * What callers pass as `extractMetadata(input)` besides a bare body: the request params, the
 * response (SDK object, parsed JSON, JSON or SSE text, or an array of stream events), and what
 * a raw body cannot say about itself.
 */
export const CallInputSchema = z
  .object({
    request: z.unknown().optional(),
    response: z.unknown(),
    url: z.string().nullish(),
    status: z.number().int().nullish(),
    headers: z.record(z.string(), z.string()).optional(),
    latency_ms: z.number().nonnegative().optional(),
    time_to_first_token_ms: z.number().nonnegative().optional(),
    recorded_at: z.union([z.iso.datetime(), z.number()]).optional(),
  })
  .strict();
export type CallInput = z.infer<typeof CallInputSchema>;

const WRAPPER_KEYS: ReadonlySet<string> = new Set(Object.keys(CallInputSchema.shape));
const isWrapperKey = (key: string) => WRAPPER_KEYS.has(key);

const SdkRequestIdSchema = z.object({ _request_id: z.string() });

export function resolveCall(input: unknown): Call {
  if (isObject(input) && 'recorded_at' in input && 'request' in input && 'response' in input) {
    const interaction = InteractionSchema.safeParse(input);
    if (interaction.success) return callOfInteraction(interaction.data);
  }
  if (isObject(input) && 'response' in input && Object.keys(input).every(isWrapperKey)) {
    const wrapper = CallInputSchema.safeParse(input);
    if (!wrapper.success) {
      throw new UnrecognizedInputError(
        `Invalid { request, response, … } input: ${wrapper.error.issues
          .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
          .join('; ')}.`,
      );
    }
    return callOfInput(wrapper.data);
  }
  return callOfInput({ request: undefined, response: input });
}

function callOfInput(input: CallInput): Call {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {}))
    headers[name.toLowerCase()] = value;
  const sdkId = SdkRequestIdSchema.safeParse(input.response);
  return {
    request: parseMaybeJson(input.request),
    url: input.url ?? undefined,
    status: input.status ?? undefined,
    headers,
    body: bodyOf(input.response),
    complete: true,
    transport_error: null,
    latency_ms: input.latency_ms ?? null,
    time_to_first_token_ms: input.time_to_first_token_ms ?? null,
    recorded_at:
      input.recorded_at === undefined
        ? null
        : typeof input.recorded_at === 'number'
          ? input.recorded_at
          : unixSeconds(input.recorded_at),
    sdk_request_id: sdkId.success ? sdkId.data._request_id : null,
  };
}

/** The call an already-validated cassette interaction holds (no second schema pass). */
export function callOfInteraction(interaction: Interaction): Call {
  const { request, response } = interaction;
  let body: CallBody;
  if (response.events !== undefined) body = { kind: 'events', events: response.events };
  else if (response.body_format === 'text' && typeof response.body === 'string')
    body = textBody(response.body);
  else if (response.body_format === 'base64')
    throw new UnrecognizedInputError(
      `The interaction with ${request.url} has a binary (base64) response body: no metadata to extract.`,
    );
  else body = { kind: 'json', value: response.body ?? null };
  return {
    request: request.body_format === 'text' ? parseMaybeJson(request.body) : request.body,
    url: request.url,
    status: response.status,
    headers: response.headers,
    body,
    complete: response.complete,
    transport_error: response.error ?? null,
    latency_ms: response.timing.duration_ms,
    time_to_first_token_ms: null,
    recorded_at: unixSeconds(interaction.recorded_at),
    sdk_request_id: null,
  };
}

function bodyOf(response: unknown): CallBody {
  if (typeof response === 'string') return textBody(response);
  if (Array.isArray(response)) {
    return { kind: 'events', events: response.map((json: unknown) => ({ json })) };
  }
  if (isObject(response)) return { kind: 'json', value: response };
  throw new UnrecognizedInputError(
    `Cannot extract metadata from ${response === null ? 'null' : typeof response}. Expected a ` +
      'response body (SDK response object or parsed JSON), the JSON or SSE text of a body, an ' +
      'array of stream events, a cassette interaction, or { request, response, url?, status? }.',
  );
}

/** Text is JSON where it parses as JSON, SSE where it has `data:` lines, else opaque text. */
function textBody(text: string): CallBody {
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value)
        ? { kind: 'events', events: value.map((json: unknown) => ({ json })) }
        : { kind: 'json', value };
    } catch {
      // Not JSON after all: fall through to SSE or opaque text.
    }
  }
  if (/^(data|event):/m.test(text)) return { kind: 'sse', text };
  return { kind: 'text', text };
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function unixSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
