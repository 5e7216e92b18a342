import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/cassette/format.ts';
import { readCassette, writeCassette } from '../../src/cassette/store.ts';
import { extractMetadata } from '../../src/index.ts';
import { repriceCassetteFile } from '../../src/metadata/reprice.ts';

const SHIPPED = 'cassettes/openai-chat-json-text-2.json';

/** The shipped cassette as if an older price table had priced it at $1.23. */
async function pricedLastYear(): Promise<{ file: string; interaction: Interaction }> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-cassette-reprice-'));
  const file = join(dir, 'old.json');
  copyFileSync(SHIPPED, file);
  const cassette = (await readCassette(file))!;
  const [interaction] = cassette.interactions;
  const stored = interaction!.metadata as Record<string, unknown>;
  const old = {
    ...interaction!,
    metadata: { ...stored, total_cost: 1.23, price_table: 'litellm@2025-01-01#000000000000' },
  };
  await writeCassette(file, { ...cassette, interactions: [old] });
  return { file, interaction: old };
}

describe('costs pinned to the price table that computed them', () => {
  it('a cassette interaction keeps its recorded cost when today’s table differs', async () => {
    const { interaction } = await pricedLastYear();
    const pinned = extractMetadata(interaction).metadata;
    expect(pinned.total_cost).toBe(1.23);
    expect(pinned.price_table).toBe('litellm@2025-01-01#000000000000');
    const today = extractMetadata({ ...interaction, metadata: undefined }).metadata;
    // gpt-4o at $2.50 / $10 per million tokens: 14 prompt and 7 completion tokens.
    expect(today.total_cost).toBe(0.000105);
  });

  it('reprice rewrites the stored costs with today’s table, and only the costs', async () => {
    const { file } = await pricedLastYear();
    const dry = await repriceCassetteFile(file, { dryRun: true });
    expect(dry).toMatchObject({
      written: false,
      repriced: [{ index: 0, from: { total_cost: 1.23 } }],
    });
    const result = await repriceCassetteFile(file);
    expect(result.written).toBe(true);
    const stored = (await readCassette(file))!.interactions[0]!.metadata as Record<string, unknown>;
    expect(stored.total_cost).toBe(0.000105);
    expect(stored.price_table).toMatch(/^litellm@2026-07-24#/);
    expect(stored.completion_id).toBe('chatcmpl-Bu8vBIrB8kIWKRyTcpEEPncjhHtMU');
    expect((await repriceCassetteFile(file)).repriced).toEqual([]);
  });
});
