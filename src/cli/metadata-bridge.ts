import { z } from 'zod';
import type { Interaction } from '../cassette/format.ts';

/**
 * The CLI's one door to metadata extraction and pricing: every figure a command shows for an
 * interaction (model, tokens, cost, time to first token) comes through here, so the CLI never
 * does its own extraction or price math.
 *
 * Until `src/metadata` lands, the figures are read from the metadata record stored with the
 * interaction when it was recorded (if any).
 */
export interface InteractionFigures {
  provider: string | null;
  model: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  cached_tokens: number | null;
  total_cost: number | null;
  time_to_first_token_ms: number | null;
  latency_ms: number | null;
  finish_reason: string | null;
}

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);
const StoredFiguresSchema = z.object({
  provider: nullable(z.string()),
  model: nullable(z.string()),
  prompt_tokens: nullable(z.number()),
  completion_tokens: nullable(z.number()),
  total_tokens: nullable(z.number()),
  cached_tokens: nullable(z.number()),
  total_cost: nullable(z.number()),
  time_to_first_token_ms: nullable(z.number()),
  latency_ms: nullable(z.number()),
  finish_reason: nullable(z.string()),
});

export function figuresOf(interaction: Interaction): InteractionFigures {
  const stored = StoredFiguresSchema.safeParse(interaction.metadata ?? {});
  const m = stored.success ? stored.data : StoredFiguresSchema.parse({});
  return {
    provider: m.provider ?? null,
    model: m.model ?? null,
    prompt_tokens: m.prompt_tokens ?? null,
    completion_tokens: m.completion_tokens ?? null,
    total_tokens: m.total_tokens ?? null,
    cached_tokens: m.cached_tokens ?? null,
    total_cost: m.total_cost ?? null,
    time_to_first_token_ms: m.time_to_first_token_ms ?? null,
    latency_ms: m.latency_ms ?? interaction.response.timing.duration_ms,
    finish_reason: m.finish_reason ?? null,
  };
}

/** What is wrong with a stored metadata record, against the metadata schema. */
export function storedMetadataProblems(_value: unknown): { place: string; message: string }[] {
  return [];
}
