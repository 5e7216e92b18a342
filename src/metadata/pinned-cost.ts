import { InteractionSchema } from '../cassette/format.ts';
import { type Extraction, MetadataRecordSchema } from './record.ts';

/**
 * A cassette's costs stay those of the price table that computed them when it was recorded: a
 * cassette from last year replays with last year's cost until it is re-priced on purpose
 * (`llm-cassette reprice`), so a price-table update never turns a green suite red by itself.
 * Applies only to a cassette interaction whose stored record names another price table.
 */
export function pinRecordedCost(input: unknown, extraction: Extraction): Extraction {
  if (!isInteractionLike(input)) return extraction;
  const interaction = InteractionSchema.safeParse(input);
  if (!interaction.success || interaction.data.metadata === undefined) return extraction;
  const stored = MetadataRecordSchema.safeParse(interaction.data.metadata);
  if (!stored.success || stored.data.price_table === null) return extraction;
  if (stored.data.price_table === extraction.metadata.price_table) return extraction;
  const { prompt_cost, completion_cost, total_cost, cost_unavailable_reason, price_table } =
    stored.data;
  return {
    ...extraction,
    metadata: {
      ...extraction.metadata,
      prompt_cost,
      completion_cost,
      total_cost,
      cost_unavailable_reason,
      price_table,
    },
  };
}

function isInteractionLike(input: unknown): boolean {
  return (
    typeof input === 'object' && input !== null && 'recorded_at' in input && 'metadata' in input
  );
}
