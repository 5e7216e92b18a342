import type { JsonValue } from '../cassette/format.ts';
import { readCassette, writeCassette } from '../cassette/store.ts';
import { LlmCassetteError } from '../errors.ts';
import { extractMetadata } from './extract.ts';
import { MetadataRecordSchema } from './record.ts';

export interface RepricedInteraction {
  index: number;
  from: { total_cost: number | null; price_table: string | null };
  to: { total_cost: number | null; price_table: string | null };
}

export interface RepriceResult {
  file: string;
  repriced: RepricedInteraction[];
  written: boolean;
}

/**
 * Re-prices a cassette's stored records with today's price table: only the cost fields change
 * (the rest of a record is `llm-cassette verify`'s business). Interactions without a stored
 * record get one. The file is rewritten only when a cost changed.
 */
export async function repriceCassetteFile(
  file: string,
  options: { dryRun?: boolean } = {},
): Promise<RepriceResult> {
  const cassette = await readCassette(file);
  if (!cassette) throw new Error(`${file} does not exist`);
  const repriced: RepricedInteraction[] = [];
  const interactions = cassette.interactions.map((interaction, index) => {
    let fresh: ReturnType<typeof extractMetadata>['metadata'];
    try {
      // Without the stored record, extraction prices with today's table instead of pinning.
      fresh = extractMetadata({ ...interaction, metadata: undefined }).metadata;
    } catch (error) {
      if (error instanceof LlmCassetteError) return interaction;
      throw error;
    }
    const stored = MetadataRecordSchema.safeParse(interaction.metadata);
    const before = stored.success ? stored.data : null;
    if (
      before &&
      before.price_table === fresh.price_table &&
      before.total_cost === fresh.total_cost
    ) {
      return interaction;
    }
    repriced.push({
      index,
      from: { total_cost: before?.total_cost ?? null, price_table: before?.price_table ?? null },
      to: { total_cost: fresh.total_cost, price_table: fresh.price_table },
    });
    const { prompt_cost, completion_cost, total_cost, cost_unavailable_reason, price_table } =
      fresh;
    const metadata = before
      ? {
          ...before,
          prompt_cost,
          completion_cost,
          total_cost,
          cost_unavailable_reason,
          price_table,
        }
      : fresh;
    return { ...interaction, metadata: metadata as JsonValue };
  });
  const written = repriced.length > 0 && !options.dryRun;
  if (written) await writeCassette(file, { ...cassette, interactions });
  return { file, repriced, written };
}
