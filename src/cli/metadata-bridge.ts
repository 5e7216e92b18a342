import type { Interaction } from '../cassette/format.ts';
import { callOfInteraction } from '../metadata/call.ts';
import { extractCall } from '../metadata/extract.ts';
import { type MetadataRecord, MetadataRecordSchema } from '../metadata/record.ts';

/**
 * The CLI's one door to metadata extraction and pricing: every figure a command shows for an
 * interaction (model, tokens, cost, time to first token) comes from the metadata extraction through
 * here, so the CLI never does its own extraction or price math.
 */
type FigureKey =
  | 'provider'
  | 'model'
  | 'prompt_tokens'
  | 'completion_tokens'
  | 'total_tokens'
  | 'cached_tokens'
  | 'total_cost'
  | 'cost_unavailable_reason'
  | 'time_to_first_token_ms'
  | 'latency_ms'
  | 'finish_reason';

/** The record's keys the CLI shows; all null when the interaction could not be extracted. */
export type InteractionFigures = { [K in FigureKey]: MetadataRecord[K] | null } & {
  /** Why the figures are missing: the response is not one extraction recognizes. */
  extraction_error: string | null;
};

/** Today's extraction of a recorded interaction (as `verify` compares with the stored record). */
export function figuresOf(interaction: Interaction): InteractionFigures {
  try {
    // The interaction was validated when its cassette was read: no second schema pass.
    const { metadata: m } = extractCall(callOfInteraction(interaction));
    return {
      provider: m.provider,
      model: m.model,
      prompt_tokens: m.prompt_tokens,
      completion_tokens: m.completion_tokens,
      total_tokens: m.total_tokens,
      cached_tokens: m.cached_tokens,
      total_cost: m.total_cost,
      cost_unavailable_reason: m.cost_unavailable_reason,
      time_to_first_token_ms: m.time_to_first_token_ms,
      latency_ms: m.latency_ms,
      finish_reason: m.finish_reason,
      extraction_error: null,
    };
  } catch (error) {
    // A cassette may record traffic that is not an LLM call (an auth endpoint): still listed.
    return {
      provider: null,
      model: null,
      prompt_tokens: null,
      completion_tokens: null,
      total_tokens: null,
      cached_tokens: null,
      total_cost: null,
      cost_unavailable_reason: null,
      time_to_first_token_ms: null,
      latency_ms: interaction.response.timing.duration_ms,
      finish_reason: null,
      extraction_error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** What is wrong with a stored metadata record, against the metadata schema. */
export function storedMetadataProblems(value: unknown): { place: string; message: string }[] {
  const parsed = MetadataRecordSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    place: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
