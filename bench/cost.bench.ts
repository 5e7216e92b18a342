import { bench, describe } from 'vitest';
import { costOf } from '../src/pricing/cost.ts';
import { PRICE_TABLE_JSON } from '../src/pricing/data/litellm-prices.ts';
import { normalizeUsage } from '../src/usage/normalize.ts';

/**
 * Cost per call against the floor of a bare float multiply-add (what a hand-rolled
 * `prompt * in + completion * out` costs), measured side by side; and the cold start of loading
 * the price table. Targets: at most 20× the floor per call (resolved-model cache warm), table
 * load under 50 ms.
 */
const rawUsage = {
  prompt_tokens: 4020,
  completion_tokens: 4,
  total_tokens: 4024,
  prompt_tokens_details: { cached_tokens: 4012, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
};
const normalized = normalizeUsage(rawUsage);
const IN = 1.5e-7;
const CACHED = 7.5e-8;
const OUT = 6e-7;
let sink = 0;

function floor(i: number): number {
  // The same three products a cost needs, in floats, with no exactness and no breakdown.
  return (4020 - 4012 + (i & 1)) * IN + 4012 * CACHED + 4 * OUT;
}

/** ns per call over a tight loop, the best of a few rounds. */
function nsPerCall(fn: (i: number) => unknown, iterations: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) {
      const value = fn(i);
      if (typeof value === 'number') sink += value;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / iterations);
  }
  return best;
}

describe('cost per call', () => {
  costOf({ model: 'gpt-4o-mini', usage: rawUsage }); // warm the resolved-model cache

  bench('floor: bare float multiply-add', () => {
    sink += floor(sink & 1);
  });
  bench('costOf, raw OpenAI usage', () => {
    sink += costOf({ model: 'gpt-4o-mini', usage: rawUsage }).total_cost;
  });
  bench('costOf, normalized usage', () => {
    sink += costOf({ model: 'gpt-4o-mini', usage: normalized }).total_cost;
  });
});

/** Printed at collection, before the benches: the same comparison as tight loops, and the cold start. */
function report(): void {
  const floorNs = nsPerCall(floor, 2_000_000);
  const rawNs = nsPerCall(
    () => costOf({ model: 'gpt-4o-mini', usage: rawUsage }).total_cost,
    200_000,
  );
  const normNs = nsPerCall(
    () => costOf({ model: 'gpt-4o-mini', usage: normalized }).total_cost,
    200_000,
  );
  const parses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    JSON.parse(PRICE_TABLE_JSON);
    parses.push(performance.now() - start);
  }
  parses.sort((a, b) => a - b);
  const start = performance.now();
  costOf({ model: 'claude-sonnet-4-5', usage: { input_tokens: 10, output_tokens: 10 } });
  const firstCost = performance.now() - start;
  console.log(
    [
      '',
      // The stricter view: the JIT inlines the floor into the loop, leaving a few instructions;
      // the 20x target is read off vitest's side-by-side summary below (same harness for both).
      `tight loop (floor inlined by the JIT): floor ${floorNs.toFixed(1)} ns/call; costOf raw usage ${rawNs.toFixed(0)} ns/call ` +
        `(${(rawNs / floorNs).toFixed(0)}x), normalized ${normNs.toFixed(0)} ns/call (${(normNs / floorNs).toFixed(0)}x)`,
      `cold start: parsing the price table ${parses[3]!.toFixed(1)} ms median (target < 50 ms); ` +
        `first cost of a model not yet resolved ${firstCost.toFixed(2)} ms`,
      `(sink ${sink > 0 ? 'ok' : 'empty'})`,
    ].join('\n'),
  );
}
report();

describe('cold start', () => {
  bench('parse the price table', () => {
    JSON.parse(PRICE_TABLE_JSON);
  });
});
