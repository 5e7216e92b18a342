/**
 * The one place the vitest matchers reach the metadata module. TEMPORARY stand-in until
 * `src/metadata/` lands on main: re-pointed at `../metadata/` on merge.
 */
import { z } from 'zod';

const tokens = z.number().int().nonnegative().nullable();
const usd = z.number().nullable();

export const MetadataRecordSchema = z
  .object({
    provider: z.string(),
    model: z.string().nullable(),
    completion_id: z.string().nullable(),
    prompt_tokens: tokens,
    completion_tokens: tokens,
    total_tokens: tokens,
    cached_tokens: tokens,
    reasoning_tokens: tokens,
    prompt_cost: usd,
    completion_cost: usd,
    total_cost: usd,
  })
  .catchall(z.json());
export type MetadataRecord = z.infer<typeof MetadataRecordSchema>;

export function extractMetadata(_input: unknown): { metadata: MetadataRecord; message: unknown } {
  throw new Error('metadata extraction is not merged yet');
}
