import { afterEach, describe, expect, test } from 'vitest';
import { costOf } from '../../src/pricing/cost.ts';
import { NoPriceError, UnknownModelError } from '../../src/pricing/errors.ts';
import { clearModelPrices, registerModelPrices } from '../../src/pricing/table.ts';
import { ContradictoryUsageError, InvalidUsageValueError } from '../../src/usage/errors.ts';
import { reportedCostOf } from '../../src/usage/reported-cost.ts';
import { recordedUsages } from '../usage/recorded-usage.ts';

// Every expectation is hand-computed from the table's prices (USD per token) and written as an
// exact decimal; `toBe` on the number checks that the single conversion hit it exactly.
const recorded = (name: string) => recordedUsages().find((r) => r.case === name)!.usage;

describe('the headline example', () => {
  const usage = { prompt_tokens: 17, completion_tokens: 8, total_tokens: 25 };

  test('gpt-4o-mini, 17 + 8 tokens: exactly 0.00000735, split as LiteLLM splits it', () => {
    const cost = costOf({ model: 'gpt-4o-mini', usage });
    expect(cost.prompt_cost).toBe(0.00000255); // 17 × 0.00000015
    expect(cost.completion_cost).toBe(0.0000048); // 8 × 0.0000006
    expect(cost.total_cost).toBe(0.00000735);
    expect(cost.total_cost).not.toBe(17 * 1.5e-7 + 8 * 6e-7); // what float math gives
    expect(cost.currency).toBe('USD');
  });

  test('the notebook recipe (total split by token share) misprices the prompt', () => {
    const cost = costOf({ model: 'gpt-4o-mini', usage });
    const proportionalPrompt = (cost.total_cost * 17) / 25;
    expect(proportionalPrompt.toFixed(7)).toBe('0.0000050');
    expect(cost.prompt_cost).toBe(0.00000255);
  });

  test('the same usage always gives the same number', () => {
    const results = new Set(
      Array.from({ length: 5 }, () => costOf({ model: 'gpt-4o-mini', usage }).total_cost),
    );
    expect([...results]).toEqual([0.00000735]);
  });
});

describe('cache reads and writes, never charged twice', () => {
  test('OpenAI: cached_tokens are part of prompt_tokens (real gpt-5.6-sol cache hit)', () => {
    const cost = costOf({ model: 'gpt-5.6-sol', usage: recorded('openai-chat-json-cache-hit') });
    expect(cost.breakdown.input_text_cost).toBe(0.00004); // (4020 − 4012) × 0.000005
    expect(cost.breakdown.cache_read_cost).toBe(0.002006); // 4012 × 0.0000005
    expect(cost.breakdown.output_text_cost).toBe(0.00012); // 4 × 0.00003
    expect(cost.total_cost).toBe(0.002166);
  });

  test("OpenAI: the newer cache_write_tokens at the table's cache-write price (real cache miss)", () => {
    const cost = costOf({ model: 'gpt-5.6-sol', usage: recorded('openai-chat-json-cache-miss') });
    expect(cost.breakdown.input_text_cost).toBe(0.00004); // 8 × 0.000005
    expect(cost.breakdown.cache_write_cost).toBe(0.025075); // 4012 × 0.00000625
    expect(cost.total_cost).toBe(0.025235);
  });

  test('Anthropic: cache reads and writes are outside input_tokens (real claude-sonnet-4-5 response)', () => {
    const cost = costOf({
      model: 'claude-sonnet-4-5-20250929',
      usage: recorded('anthropic-messages-json-cache-read-write'),
    });
    expect(cost.breakdown.input_text_cost).toBe(0.000009); // 3 × 0.000003
    expect(cost.breakdown.cache_read_cost).toBe(0.0003333); // 1111 × 0.0000003
    expect(cost.breakdown.cache_write_cost).toBe(0.0015675); // 418 × 0.00000375
    expect(cost.breakdown.cache_write_1h_cost).toBe(0);
    expect(cost.prompt_cost).toBe(0.0019098);
    expect(cost.completion_cost).toBe(0.000495); // 33 × 0.000015
    expect(cost.total_cost).toBe(0.0024048);
  });

  test('Anthropic: 5-minute and 1-hour cache writes at their own rates', () => {
    const cost = costOf({
      model: 'claude-haiku-4-5',
      usage: {
        input_tokens: 10,
        output_tokens: 0,
        cache_creation_input_tokens: 300,
        cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
      },
    });
    expect(cost.breakdown.cache_write_cost).toBe(0.000125); // 100 × 0.00000125
    expect(cost.breakdown.cache_write_1h_cost).toBe(0.0004); // 200 × 0.000002
    expect(cost.total_cost).toBe(0.000535); // + 10 × 0.000001
  });

  test('DeepSeek: prompt_cache_hit_tokens at the cache-hit price (real deepseek-reasoner stream)', () => {
    const cost = costOf({
      model: 'deepseek-reasoner',
      provider: 'deepseek',
      usage: recorded('deepseek-chat-sse-tool-cached-reasoning'),
    });
    expect(cost.model).toBe('deepseek/deepseek-reasoner');
    expect(cost.breakdown.input_text_cost).toBe(0.00000532); // 19 × 0.00000028
    expect(cost.breakdown.cache_read_cost).toBe(0.00000896); // 320 × 0.000000028
    expect(cost.breakdown.output_text_cost).toBe(0.00001848); // 44 × 0.00000042
    expect(cost.breakdown.reasoning_cost).toBe(0.00001638); // 39 × 0.00000042
    expect(cost.total_cost).toBe(0.00004914);
  });

  test('a model without a cache-read price charges cached tokens at the input price (LiteLLM: $0)', () => {
    const cost = costOf({
      model: 'groq/llama-3.3-70b-versatile',
      usage: {
        prompt_tokens: 100,
        completion_tokens: 0,
        total_tokens: 100,
        prompt_tokens_details: { cached_tokens: 40 },
      },
    });
    expect(cost.breakdown.cache_read_cost).toBe(0.0000236); // 40 × 0.00000059
    expect(cost.total_cost).toBe(0.000059); // 100 × 0.00000059
  });
});

describe('reasoning, audio and web search', () => {
  afterEach(() => clearModelPrices());

  test("xAI: reasoning outside completion_tokens, billed as output; matches xAI's own bill", () => {
    const usage = recorded('xai-chat-sse-reasoning-cached');
    const cost = costOf({ model: 'grok-3-mini', provider: 'xai', usage });
    expect(cost.model).toBe('xai/grok-3-mini');
    expect(cost.breakdown.input_text_cost).toBe(0.0000003); // 1 × 0.0000003
    expect(cost.breakdown.cache_read_cost).toBe(0.000000825); // 11 × 0.000000075
    expect(cost.breakdown.output_text_cost).toBe(0.0000005); // 1 × 0.0000005
    expect(cost.breakdown.reasoning_cost).toBe(0.000145); // 290 × 0.0000005
    expect(cost.total_cost).toBe(0.000146625);
    expect(reportedCostOf(usage)?.usd).toBe(cost.total_cost); // cost_in_usd_ticks: 1466250
  });

  test('reasoning priced apart where the table prices it apart', () => {
    registerModelPrices({
      'reasoner-x': {
        litellm_provider: 'openai',
        input_cost_per_token: 0.000001,
        output_cost_per_token: 0.000002,
        output_cost_per_reasoning_token: 0.000003,
      },
    });
    const cost = costOf({
      model: 'reasoner-x',
      usage: {
        prompt_tokens: 1,
        completion_tokens: 10,
        total_tokens: 11,
        completion_tokens_details: { reasoning_tokens: 4 },
      },
    });
    expect(cost.breakdown.output_text_cost).toBe(0.000012); // 6 × 0.000002
    expect(cost.breakdown.reasoning_cost).toBe(0.000012); // 4 × 0.000003
    expect(cost.completion_cost).toBe(0.000024);
  });

  test('audio tokens on both sides at the audio prices', () => {
    const cost = costOf({
      model: 'gpt-4o-audio-preview',
      usage: {
        prompt_tokens: 100,
        completion_tokens: 50,
        total_tokens: 150,
        prompt_tokens_details: { audio_tokens: 30 },
        completion_tokens_details: { audio_tokens: 20 },
      },
    });
    expect(cost.breakdown.input_text_cost).toBe(0.000175); // 70 × 0.0000025
    expect(cost.breakdown.input_audio_cost).toBe(0.0012); // 30 × 0.00004
    expect(cost.breakdown.output_text_cost).toBe(0.0003); // 30 × 0.00001
    expect(cost.breakdown.output_audio_cost).toBe(0.0016); // 20 × 0.00008
    expect(cost.total_cost).toBe(0.003275);
  });

  test('Anthropic web search requests: a per-request charge, apart from the tokens', () => {
    const cost = costOf({
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 100, output_tokens: 10, server_tool_use: { web_search_requests: 3 } },
    });
    expect(cost.request_cost).toBe(0.03); // 3 × 0.01
    expect(cost.breakdown.web_search_cost).toBe(0.03);
    expect(cost.prompt_cost).toBe(0.0003);
    expect(cost.completion_cost).toBe(0.00015);
    expect(cost.total_cost).toBe(0.03045);
  });

  test("OpenAI search models: the search context size's price per request", () => {
    const usage = {
      input_tokens: 0,
      output_tokens: 0,
      total_tokens: 0,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      input_audio_tokens: 0,
      output_audio_tokens: 0,
      web_search_requests: 2,
    };
    expect(costOf({ model: 'gpt-4o-mini-search-preview', usage }).total_cost).toBe(0.055);
    expect(
      costOf({ model: 'gpt-4o-mini-search-preview', usage, search_context_size: 'low' }).total_cost,
    ).toBe(0.05);
  });
});

describe('long-context tiers apply to the whole request', () => {
  test('Claude above 200k prompt tokens, cache included: every token at the tier price', () => {
    const cost = costOf({
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 150_000, cache_read_input_tokens: 60_000, output_tokens: 1000 },
    });
    expect(cost.pricing.long_context_threshold).toBe(200_000);
    expect(cost.breakdown.input_text_cost).toBe(0.9); // 150000 × 0.000006
    expect(cost.breakdown.cache_read_cost).toBe(0.036); // 60000 × 0.0000006
    expect(cost.breakdown.output_text_cost).toBe(0.0225); // 1000 × 0.0000225
    expect(cost.total_cost).toBe(0.9585);
  });

  test('at exactly 200k the base price still applies', () => {
    const cost = costOf({
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 200_000, output_tokens: 0 },
    });
    expect(cost.pricing.long_context_threshold).toBeNull();
    expect(cost.total_cost).toBe(0.6);
  });

  test('xAI bills the 128k tier from the threshold itself (inclusive, as LiteLLM)', () => {
    const usage = { prompt_tokens: 128_000, completion_tokens: 10, total_tokens: 128_010 };
    const cost = costOf({ model: 'xai/grok-4-0709', usage });
    expect(cost.pricing.long_context_threshold).toBe(128_000);
    expect(cost.total_cost).toBe(0.7683); // 128000 × 0.000006 + 10 × 0.00003
  });
});

describe('batch, service tiers and regions', () => {
  const usage = { prompt_tokens: 17, completion_tokens: 8, total_tokens: 25 };

  test('batch uses the `_batches` prices where the table has them', () => {
    expect(costOf({ model: 'gpt-4o-mini', usage, batch: true }).total_cost).toBe(0.000003675);
  });

  test('batch without `_batches` prices is half price, cache reads included', () => {
    const cost = costOf({
      model: 'claude-haiku-4-5',
      batch: true,
      usage: { input_tokens: 10, cache_read_input_tokens: 100, output_tokens: 4 },
    });
    expect(cost.breakdown.input_text_cost).toBe(0.000005); // 10 × 0.000001 / 2
    expect(cost.breakdown.cache_read_cost).toBe(0.000005); // 100 × 0.0000001 / 2
    expect(cost.breakdown.output_text_cost).toBe(0.00001); // 4 × 0.000005 / 2
  });

  test('flex and priority tiers from the response service_tier', () => {
    const base = { prompt_tokens: 1000, completion_tokens: 100, total_tokens: 1100 };
    expect(costOf({ model: 'gpt-5', usage: base }).total_cost).toBe(0.00225);
    expect(costOf({ model: 'gpt-5', usage: base, service_tier: 'flex' }).total_cost).toBe(0.001125);
    expect(costOf({ model: 'gpt-5', usage: base, service_tier: 'priority' }).total_cost).toBe(
      0.0045,
    );
    expect(costOf({ model: 'gpt-5', usage: base, service_tier: 'default' }).total_cost).toBe(
      0.00225,
    );
  });

  test('a missing service-tier price falls back to the standard price', () => {
    // gpt-5-nano has input_cost_per_token_priority but no output_cost_per_token_priority.
    const cost = costOf({
      model: 'gpt-5-nano',
      service_tier: 'priority',
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
    expect(cost.breakdown.input_text_cost).toBe(0.000025); // 10 × 0.0000025 (priority)
    expect(cost.breakdown.output_text_cost).toBe(0.000004); // 10 × 0.0000004 (standard)
  });

  test("Anthropic's regional multiplier for inference_geo, read from the usage object", () => {
    const usage = { input_tokens: 1000, output_tokens: 100, inference_geo: 'us' };
    const cost = costOf({ model: 'claude-opus-4-6', usage });
    expect(cost.pricing.geo_multiplier).toBe(1.1);
    expect(cost.prompt_cost).toBe(0.0055); // 1000 × 0.000005 × 1.1
    expect(cost.completion_cost).toBe(0.00275); // 100 × 0.000025 × 1.1
    expect(cost.total_cost).toBe(0.00825);
    const global = costOf({
      model: 'claude-opus-4-6',
      usage: { ...usage, inference_geo: 'global' },
    });
    expect(global.total_cost).toBe(0.0075);
  });
});

describe('errors, never NaN or a silent zero', () => {
  afterEach(() => clearModelPrices());

  test('an unknown model names the nearest known ones', () => {
    try {
      costOf({ model: 'gpt-4o-mni', usage: { prompt_tokens: 1, completion_tokens: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownModelError);
      expect((error as UnknownModelError).code).toBe('unknown_model');
      expect((error as UnknownModelError).suggestions).toContain('gpt-4o-mini');
      expect((error as Error).message).toMatch(/Nearest known names: .*gpt-4o-mini/);
    }
  });

  test('a known model without the price the usage needs', () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 0,
      total_tokens: 10,
      prompt_tokens_details: { audio_tokens: 5 },
    };
    const call = () => costOf({ model: 'gpt-4o-mini', usage });
    expect(call).toThrow(NoPriceError);
    expect(call).toThrow(/input_cost_per_audio_token/);
  });

  test('web search requests on a model with no per-request price', () => {
    const usage = {
      input_tokens: 1,
      output_tokens: 1,
      server_tool_use: { web_search_requests: 1 },
    };
    expect(() => costOf({ model: 'claude-haiku-4-5', usage })).toThrow(
      /search_context_cost_per_query/,
    );
  });

  test('bad usage: negative, fractional, cached above prompt', () => {
    const model = 'gpt-4o-mini';
    expect(() => costOf({ model, usage: { prompt_tokens: -1, completion_tokens: 1 } })).toThrow(
      InvalidUsageValueError,
    );
    expect(() => costOf({ model, usage: { prompt_tokens: 1.5, completion_tokens: 1 } })).toThrow(
      InvalidUsageValueError,
    );
    const cached = {
      prompt_tokens: 1,
      completion_tokens: 1,
      prompt_tokens_details: { cached_tokens: 2 },
    };
    expect(() => costOf({ model, usage: cached })).toThrow(ContradictoryUsageError);
  });
});

describe('pinned prices', () => {
  afterEach(() => clearModelPrices());

  test('every cost names the price table that computed it', () => {
    const cost = costOf({
      model: 'gpt-4o-mini',
      usage: { prompt_tokens: 1, completion_tokens: 1 },
    });
    expect(cost.price_table).toEqual({
      id: 'litellm@2026-07-24#4c6858bb791b',
      source: 'litellm',
      date: '2026-07-24',
      commit: '00035b69f416be24e2e323c13198d9b7d2d1bdf9',
      sha256: '4c6858bb791bd06e91e767670a58e088190f19579d11785217aa418edfd4fe51',
      overridden: false,
    });
  });

  test('registered prices override the table, and the cost says so', () => {
    registerModelPrices({ 'gpt-4o-mini': { input_cost_per_token: 0.000001 } });
    const cost = costOf({
      model: 'gpt-4o-mini',
      usage: { prompt_tokens: 17, completion_tokens: 8 },
    });
    expect(cost.prompt_cost).toBe(0.000017);
    expect(cost.completion_cost).toBe(0.0000048); // output price kept from the table
    expect(cost.price_table.overridden).toBe(true);
    expect(cost.price_table.id).toBe('litellm@2026-07-24#4c6858bb791b+overrides');
    clearModelPrices();
    expect(
      costOf({ model: 'gpt-4o-mini', usage: { prompt_tokens: 17, completion_tokens: 8 } })
        .prompt_cost,
    ).toBe(0.00000255);
  });
});
