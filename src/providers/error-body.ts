import { z } from 'zod';
import type { ProviderError } from './adapter.ts';

const ErrorObjectSchema = z.object({
  type: z.string().nullish(),
  code: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
});

/**
 * An error body as OpenAI (`{ error: { type, code, message } }`), Anthropic
 * (`{ type: 'error', error: { type, message }, request_id }`) and the OpenAI-compatible
 * providers send it; some proxies send `{ error: "text" }`.
 */
export const ErrorBodySchema = z.object({
  error: z.union([ErrorObjectSchema, z.string()]),
  request_id: z.string().nullish(),
});

/** Reads a provider error object (the `error` of a body, a stream event or a failed response). */
export function readProviderError(error: z.infer<typeof ErrorBodySchema>['error']): ProviderError {
  if (typeof error === 'string') return { type: null, message: error };
  const code = error.code ?? null;
  return {
    type: error.type ?? (code === null ? null : String(code)),
    message: error.message ?? null,
  };
}

export function parseErrorBody(body: unknown): ProviderError | null {
  const parsed = ErrorBodySchema.safeParse(body);
  return parsed.success ? readProviderError(parsed.data.error) : null;
}

export const ProviderErrorObjectSchema = ErrorObjectSchema;
