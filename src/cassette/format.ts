import { z } from 'zod';

/** The cassette file format version this release reads and writes. */
export const CASSETTE_VERSION = 1;

export const JsonValueSchema = z.json();
export type JsonValue = z.infer<typeof JsonValueSchema>;

/** Header names are stored lower-cased, one string value each (multiple values joined by ", "). */
export const HeadersSchema = z.record(z.string(), z.string());
export type RecordedHeaders = z.infer<typeof HeadersSchema>;

/**
 * How a body is stored: parsed JSON where it is JSON (so a diff shows fields, not an escaped
 * string), plain text where it is text, base64 only for binary bodies (audio, images).
 */
export const BodyFormatSchema = z.enum(['json', 'text', 'base64']);
export type BodyFormat = z.infer<typeof BodyFormatSchema>;

/**
 * One server-sent event as it arrived. `t` is milliseconds since the request began.
 * `json` holds the `data:` payload where it parses as JSON, `data` holds it verbatim otherwise
 * (e.g. `[DONE]`); a `comment` line (`: OPENROUTER PROCESSING`) is kept so replay is faithful.
 */
export const SseEventRecordSchema = z
  .object({
    t: z.number().nonnegative(),
    event: z.string().optional(),
    id: z.string().optional(),
    retry: z.number().int().nonnegative().optional(),
    json: JsonValueSchema.optional(),
    data: z.string().optional(),
    comment: z.string().optional(),
  })
  .strict();
export type SseEventRecord = z.infer<typeof SseEventRecordSchema>;

export const RecordedRequestSchema = z
  .object({
    method: z.string(),
    url: z.string(),
    headers: HeadersSchema,
    body_format: BodyFormatSchema.optional(),
    body: JsonValueSchema.optional(),
  })
  .strict();
export type RecordedRequest = z.infer<typeof RecordedRequestSchema>;

export const TimingSchema = z
  .object({
    /** Time from the request's start to the response headers. */
    ttfb_ms: z.number().nonnegative(),
    /** Time from the request's start to the body's end (or the break-off). */
    duration_ms: z.number().nonnegative(),
  })
  .strict();
export type Timing = z.infer<typeof TimingSchema>;

export const RecordedResponseSchema = z
  .object({
    status: z.number().int().min(100).max(599),
    status_text: z.string().optional(),
    headers: HeadersSchema,
    /** `sse` bodies are stored as `events`; the others as `body`. Absent for an empty body. */
    body_format: z.enum(['json', 'text', 'base64', 'sse']).optional(),
    body: JsonValueSchema.optional(),
    events: z.array(SseEventRecordSchema).optional(),
    /** False when the body broke off before its end; replay breaks off at the same place. */
    complete: z.boolean().default(true),
    /** Why the body broke off, as the recording saw it. */
    error: z.string().optional(),
    timing: TimingSchema,
  })
  .strict();
export type RecordedResponse = z.infer<typeof RecordedResponseSchema>;

export const InteractionSchema = z
  .object({
    recorded_at: z.iso.datetime(),
    request: RecordedRequestSchema,
    response: RecordedResponseSchema,
    /**
     * The metadata record extracted when this interaction was recorded, kept so that
     * `llm-cassette verify` can show where today's extraction differs. Validated by the
     * metadata module, not here, so the cassette format does not depend on it.
     */
    metadata: JsonValueSchema.optional(),
  })
  .strict();
export type Interaction = z.infer<typeof InteractionSchema>;

export const CassetteSchema = z
  .object({
    version: z.literal(CASSETTE_VERSION),
    name: z.string(),
    recorded_with: z.string(),
    interactions: z.array(InteractionSchema),
  })
  .strict();
export type Cassette = z.infer<typeof CassetteSchema>;
export type CassetteInput = z.input<typeof CassetteSchema>;
