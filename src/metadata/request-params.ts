import { z } from 'zod';

/** The request parameters the record keeps, from any of the three APIs' request bodies. */
const RequestParamsSchema = z.object({
  model: z.string().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().nullish(),
  /** Chat Completions (legacy) and Anthropic. */
  max_tokens: z.number().int().nullish(),
  /** Chat Completions (current). */
  max_completion_tokens: z.number().int().nullish(),
  /** Responses. */
  max_output_tokens: z.number().int().nullish(),
  service_tier: z.string().nullish(),
  stream: z.boolean().nullish(),
  /** The prompt, for counting tokens of a stream that came without usage. */
  messages: z.unknown().optional(),
  system: z.unknown().optional(),
  instructions: z.unknown().optional(),
  input: z.unknown().optional(),
});
export type RequestParams = z.infer<typeof RequestParamsSchema>;

/** Reads what the record needs from request params; anything unreadable counts as absent. */
export function readRequestParams(request: unknown): RequestParams {
  const parsed = RequestParamsSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  // One malformed field should not hide the others: keep each field that parses on its own.
  const partial: RequestParams = {};
  if (typeof request === 'object' && request !== null) {
    for (const [key, schema] of Object.entries(RequestParamsSchema.shape)) {
      const field = schema.safeParse((request as Record<string, unknown>)[key]);
      if (field.success) (partial as Record<string, unknown>)[key] = field.data;
    }
  }
  return partial;
}

export function maxTokensOf(params: RequestParams): number | null {
  return params.max_tokens ?? params.max_completion_tokens ?? params.max_output_tokens ?? null;
}
