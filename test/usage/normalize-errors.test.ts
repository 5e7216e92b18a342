import { describe, expect, test } from 'vitest';
import { LlmCassetteError } from '../../src/errors.ts';
import {
  ContradictoryUsageError,
  InvalidUsageValueError,
  UnrecognizedUsageError,
} from '../../src/usage/errors.ts';
import { normalizeUsage } from '../../src/usage/normalize.ts';

describe('normalizeUsage rejects bad input with an error that names the field', () => {
  test('a negative count', () => {
    const call = () => normalizeUsage({ prompt_tokens: -1, completion_tokens: 2, total_tokens: 1 });
    expect(call).toThrow(InvalidUsageValueError);
    expect(call).toThrow(/usage\.prompt_tokens is -1/);
  });

  test('a fractional count deep in a details object', () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 2,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 1.5 },
    };
    expect(() => normalizeUsage(usage)).toThrow(
      /usage\.prompt_tokens_details\.cached_tokens is 1\.5/,
    );
  });

  test('a count sent as text', () => {
    expect(() => normalizeUsage({ input_tokens: '12', output_tokens: 3 })).toThrow(
      InvalidUsageValueError,
    );
  });

  test('cached tokens above the prompt', () => {
    const usage = {
      prompt_tokens: 10,
      completion_tokens: 2,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 11 },
    };
    const call = () => normalizeUsage(usage);
    expect(call).toThrow(ContradictoryUsageError);
    expect(call).toThrow(
      /usage\.prompt_tokens_details\.cached_tokens \(11\) is more than usage\.prompt_tokens \(10\)/,
    );
  });

  test('reasoning above the output of a Responses usage', () => {
    const usage = {
      input_tokens: 5,
      output_tokens: 3,
      total_tokens: 8,
      output_tokens_details: { reasoning_tokens: 4 },
    };
    expect(() => normalizeUsage(usage)).toThrow(/output_tokens_details\.reasoning_tokens \(4\)/);
  });

  test('a total below prompt + completion', () => {
    expect(() =>
      normalizeUsage({ prompt_tokens: 5, completion_tokens: 5, total_tokens: 9 }),
    ).toThrow(/usage\.total_tokens \(9\) is not input \(5\) \+ output \(5\)/);
  });

  test('Anthropic cache lifetimes that add up to more than the cache writes', () => {
    const usage = {
      input_tokens: 1,
      output_tokens: 1,
      cache_creation_input_tokens: 10,
      cache_creation: { ephemeral_5m_input_tokens: 8, ephemeral_1h_input_tokens: 8 },
    };
    expect(() => normalizeUsage(usage)).toThrow(ContradictoryUsageError);
  });

  test('an object of no known API, or a required field missing', () => {
    expect(() => normalizeUsage({ tokens: 4 })).toThrow(UnrecognizedUsageError);
    expect(() => normalizeUsage({ completion_tokens: 4 })).toThrow(
      /usage\.prompt_tokens is missing/,
    );
    expect(() => normalizeUsage(null)).toThrow(UnrecognizedUsageError);
  });

  test('a normalized usage with a bad value', () => {
    const usage = {
      input_tokens: 1,
      output_tokens: 1,
      total_tokens: 2,
      cache_read_tokens: -3,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      input_audio_tokens: 0,
      output_audio_tokens: 0,
      web_search_requests: 0,
    };
    expect(() => normalizeUsage(usage)).toThrow(/usage\.cache_read_tokens is -3/);
  });

  test('every error is an LlmCassetteError with a code', () => {
    try {
      normalizeUsage({ prompt_tokens: -1, completion_tokens: 0 });
    } catch (error) {
      expect(error).toBeInstanceOf(LlmCassetteError);
      expect((error as LlmCassetteError).code).toBe('usage_invalid_value');
    }
  });
});

describe('normalizeUsage reads each API as its provider reports it', () => {
  test('OpenAI audio tokens are parts of prompt and completion', () => {
    const usage = normalizeUsage({
      prompt_tokens: 100,
      completion_tokens: 50,
      total_tokens: 150,
      prompt_tokens_details: { cached_tokens: 20, audio_tokens: 30 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 40 },
    });
    expect(usage).toMatchObject({
      input_tokens: 100,
      output_tokens: 50,
      cache_read_tokens: 20,
      input_audio_tokens: 30,
      output_audio_tokens: 40,
    });
  });

  test('Anthropic web search requests and 1-hour cache writes', () => {
    const usage = normalizeUsage({
      input_tokens: 10,
      output_tokens: 5,
      cache_creation_input_tokens: 300,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
      server_tool_use: { web_search_requests: 2 },
    });
    expect(usage).toMatchObject({
      input_tokens: 310,
      cache_write_tokens: 300,
      cache_write_5m_tokens: 100,
      cache_write_1h_tokens: 200,
      web_search_requests: 2,
    });
  });

  test('null details, as some providers send them, count as absent', () => {
    const usage = normalizeUsage({
      prompt_tokens: 3,
      completion_tokens: 4,
      total_tokens: 7,
      prompt_tokens_details: null,
      completion_tokens_details: null,
    });
    expect(usage).toMatchObject({ input_tokens: 3, output_tokens: 4, cache_read_tokens: 0 });
  });

  test('a provider hint selects its variant even when the totals would not reveal it', () => {
    // Reasoning 0: the xAI reading and the standard one agree; the hint must not break anything.
    const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };
    expect(normalizeUsage(usage, { provider: 'xai' })).toEqual(normalizeUsage(usage));
  });
});
