import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { costOf } from '../../src/pricing/cost.ts';

const count = fc.integer({ min: 0, max: 5_000_000 });
/** Large enough that some sums leave the integer fast path for decimal.js. */
const hugeCount = fc.integer({ min: 0, max: 1e15 });
const exact = (n: number) => new Decimal(String(n));

const MODELS = ['gpt-4o-mini', 'claude-sonnet-4-5', 'claude-opus-4-6', 'gpt-5', 'xai/grok-4-0709'];

const anthropicUsage = fc.record({
  input_tokens: count,
  cache_read_input_tokens: count,
  cache_creation_input_tokens: count,
  output_tokens: count,
  inference_geo: fc.constantFrom('us', 'global'),
});

describe('cost properties', () => {
  test('the parts add up to the total exactly, and the sides to prompt and completion', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODELS),
        anthropicUsage,
        fc.boolean(),
        (model, usage, batch) => {
          const cost = costOf({ model, usage, batch });
          const parts = Object.values(cost.breakdown).reduce(
            (s, v) => s.plus(exact(v)),
            new Decimal(0),
          );
          expect(parts.eq(exact(cost.total_cost))).toBe(true);
          const sides = exact(cost.prompt_cost)
            .plus(exact(cost.completion_cost))
            .plus(exact(cost.request_cost));
          expect(sides.eq(exact(cost.total_cost))).toBe(true);
        },
      ),
    );
  });

  test('the cost grows with every token count', () => {
    const field = fc.constantFrom(
      'input_tokens',
      'cache_read_input_tokens',
      'cache_creation_input_tokens',
      'output_tokens',
    ) as fc.Arbitrary<
      'input_tokens' | 'cache_read_input_tokens' | 'cache_creation_input_tokens' | 'output_tokens'
    >;
    fc.assert(
      fc.property(
        fc.constantFrom('claude-haiku-4-5', 'claude-3-7-sonnet-20250219'),
        anthropicUsage,
        field,
        fc.integer({ min: 1, max: 10_000 }),
        (model, usage, key, extra) => {
          const before = costOf({ model, usage }).total_cost;
          const after = costOf({
            model,
            usage: { ...usage, [key]: usage[key] + extra },
          }).total_cost;
          expect(after).toBeGreaterThan(before);
        },
      ),
    );
  });

  test('OpenAI: more prompt or completion tokens always cost more', () => {
    fc.assert(
      fc.property(
        count,
        count,
        count,
        fc.integer({ min: 1, max: 1000 }),
        (prompt, cached, completion, extra) => {
          const cachedTokens = Math.min(cached, prompt);
          const usage = (p: number, c: number) => ({
            prompt_tokens: p,
            completion_tokens: c,
            prompt_tokens_details: { cached_tokens: cachedTokens },
          });
          const base = costOf({
            model: 'gpt-4o-mini',
            usage: usage(prompt, completion),
          }).total_cost;
          expect(
            costOf({ model: 'gpt-4o-mini', usage: usage(prompt + extra, completion) }).total_cost,
          ).toBeGreaterThan(base);
          expect(
            costOf({ model: 'gpt-4o-mini', usage: usage(prompt, completion + extra) }).total_cost,
          ).toBeGreaterThan(base);
        },
      ),
    );
  });

  test('any size of usage gives the correctly rounded exact decimal (integer and decimal paths agree)', () => {
    fc.assert(
      fc.property(hugeCount, hugeCount, hugeCount, (uncached, cached, completion) => {
        const usage = {
          prompt_tokens: uncached + cached,
          completion_tokens: completion,
          prompt_tokens_details: { cached_tokens: cached },
        };
        const expected = new Decimal(uncached)
          .times('0.00000015')
          .plus(new Decimal(cached).times('0.000000075'))
          .plus(new Decimal(completion).times('0.0000006'));
        // gpt-4o-mini's prompt is below no threshold: it has none.
        expect(costOf({ model: 'gpt-4o-mini', usage }).total_cost).toBe(expected.toNumber());
      }),
    );
  });
});
