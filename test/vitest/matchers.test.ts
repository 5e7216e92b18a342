import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Cassette, Interaction } from '../../src/cassette/format.ts';
import { readCassette } from '../../src/cassette/store.ts';
import { extractMetadata } from '../../src/metadata/extract.ts';
import type { MetadataRecord } from '../../src/metadata/record.ts';
import { UnknownMetadataFieldError } from '../../src/vitest/index.ts';

const SHIPPED = fileURLToPath(new URL('../../cassettes/', import.meta.url));

/** The failure message of an assertion, without colours. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('the assertion passed');
}

let cassette: Cassette & { path: string };
let interaction: Interaction;
let record: MetadataRecord;
beforeAll(async () => {
  const path = `${SHIPPED}openai-chat-json-text-2.json`;
  cassette = { ...(await readCassette(path))!, path };
  interaction = cassette.interactions[0]!;
  record = extractMetadata(interaction).metadata;
});

describe('toHaveUsage', () => {
  test('passes on the token counts the recording holds', () => {
    expect(record).toHaveUsage({ prompt_tokens: 14, completion_tokens: 7, total_tokens: 21 });
    expect(record).not.toHaveUsage({ prompt_tokens: 15 });
  });

  test('fails with every expected field side by side, the differing ones marked', () => {
    const message = failureOf(() =>
      expect(record).toHaveUsage({ prompt_tokens: 17, completion_tokens: 7, cached_tokens: 0 }),
    );
    expect(message).toContain('The usage differs in 1 of 3 fields:');
    expect(message.split('\n').slice(-4)).toEqual([
      '    field               expected   received',
      '  ✗ prompt_tokens       17         14',
      '    completion_tokens   7          7',
      '    cached_tokens       0          0',
    ]);
  });

  test('refuses a field it does not check, so a typo cannot pass silently', () => {
    expect(() => expect(record).toHaveUsage({ prompt_token: 14 })).toThrow(
      UnknownMetadataFieldError,
    );
  });

  test('works inside toEqual as an asymmetric matcher', () => {
    expect({ metadata: record }).toEqual({
      metadata: expect.toHaveUsage({ completion_tokens: 7 }),
    });
  });
});

describe('toHaveCost', () => {
  test("passes on the recording's tokens at the model's price", () => {
    // gpt-4o: 14 prompt tokens at $2.50/M and 7 completion tokens at $10/M.
    expect(record).toHaveCost({
      prompt_cost: 0.000035,
      completion_cost: 0.00007,
      total_cost: 0.000105,
    });
  });

  // A record made up for the message format; its amounts are no provider's.
  const priced = { total_cost: 0.00000736, prompt_cost: 3.5e-7, completion_cost: null };

  test('compares by decimal value: a number or a decimal string', () => {
    expect(priced).toHaveCost({ total_cost: 7.36e-6, prompt_cost: '0.00000035' });
    expect(priced).toHaveCost({ completion_cost: null });
  });

  test('prints costs as decimals, never in exponent notation', () => {
    // JavaScript itself prints 3.5e-7 for the prompt cost.
    const message = failureOf(() =>
      expect(priced).toHaveCost({ total_cost: 0.00000735, prompt_cost: 3.5e-7 }),
    );
    expect(message).toContain('✗ total_cost    0.00000735   0.00000736');
    expect(message).toContain('  prompt_cost   0.00000035   0.00000035');
    expect(message).not.toMatch(/\de-\d/);
  });

  test('only takes cost fields', () => {
    expect(() => expect(priced).toHaveCost({ prompt_tokens: 1 })).toThrow(
      /toHaveCost was given "prompt_tokens".*total_cost/,
    );
  });
});

describe('toBeValidMetadata', () => {
  test('passes on an extracted record', () => {
    expect(record).toBeValidMetadata();
  });

  test('lists every violation with its field and the value found there', () => {
    const broken = { ...record, prompt_tokens: -1, finish_reason: 'done', stream: 'yes' };
    const { provider: _, ...withoutProvider } = broken;
    const message = failureOf(() => expect(withoutProvider).toBeValidMetadata());
    expect(message).toContain('The metadata record has 4 violations of the schema:');
    for (const field of ['provider', 'prompt_tokens', 'finish_reason', 'stream']) {
      expect(message).toMatch(new RegExp(`^ {2}- ${field}: .*\\(found .*\\)$`, 'm'));
    }
    expect(message).toContain('(found -1)');
    expect(message).toContain('(found "done")');
  });
});

describe('toMatchRecordedMetadata', () => {
  test("passes on the app's record, whatever its own keys and timings", () => {
    const stored = { ...record, latency_ms: 812.5, routing_path: 'passthrough' };
    expect(stored).toMatchRecordedMetadata(cassette);
  });

  test('fails naming the cassette, the interaction and the fields that differ', () => {
    const stored = { ...record, completion_tokens: 8, finish_reason: 'length' };
    const message = failureOf(() => expect(stored).toMatchRecordedMetadata(cassette));
    expect(message).toContain(
      `The record differs from what ${cassette.path}, interaction #0 records in 2 fields`,
    );
    expect(message).toMatch(/✗ finish_reason\s+"stop"\s+"length"/);
    expect(message).toMatch(/✗ completion_tokens\s+7\s+8/);
  });

  test('compares with the interaction of the same completion id among several', async () => {
    const path = `${SHIPPED}anthropic-messages-json-text-2.json`;
    const other = (await readCassette(path))!.interactions[0]!;
    const two = { path: 'two.json', interactions: [other, interaction] };
    expect(record).toMatchRecordedMetadata(two);
    const message = failureOf(() =>
      expect({ ...record, total_tokens: 22 }).toMatchRecordedMetadata(two),
    );
    expect(message).toContain('two.json, interaction #1');
  });

  test('says so when the cassette holds nothing yet', () => {
    expect(
      failureOf(() => expect(record).toMatchRecordedMetadata({ path: 'x.json', interactions: [] })),
    ).toContain('x.json holds no recorded interaction yet');
  });
});
