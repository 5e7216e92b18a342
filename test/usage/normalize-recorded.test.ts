import { describe, expect, test } from 'vitest';
import { normalizeUsage } from '../../src/usage/normalize.ts';
import type { NormalizedUsage } from '../../src/usage/normalized.ts';
import { NormalizedUsageSchema } from '../../src/usage/normalized.ts';
import { reportedCostOf } from '../../src/usage/reported-cost.ts';
import { recordedUsages } from './recorded-usage.ts';

/**
 * Every real recording that carries usage, with the numbers read off the recording by hand:
 * [input, output, total, cache_read, cache_write, reasoning, extra fields].
 * Input counts cache reads and writes; output counts reasoning (NormalizedUsage's conventions).
 */
type Row = [number, number, number, number, number, number, Partial<NormalizedUsage>?];
const none = { cache_write_5m_tokens: 0, cache_write_1h_tokens: 0 };
const EXPECTED: Record<string, Row> = {
  // Anthropic: input_tokens + cache_read_input_tokens + cache_creation_input_tokens.
  'anthropic-messages-json-cache-read-write': [
    3 + 1111 + 418,
    33,
    1565,
    1111,
    418,
    0,
    { cache_write_5m_tokens: 418, cache_write_1h_tokens: 0 },
  ],
  'anthropic-messages-json-stop-sequence': [32, 5, 37, 0, 0, 0],
  'anthropic-messages-json-text-1': [12, 29, 41, 0, 0, 0, none],
  'anthropic-messages-json-text-2': [20, 10, 30, 0, 0, 0, none],
  'anthropic-messages-json-tool': [445, 23, 468, 0, 0, 0, none],
  'anthropic-messages-json-tool-parallel-text': [514, 152, 666, 0, 0, 0],
  'anthropic-messages-sse-cache-read': [4 + 1165, 221, 1390, 1165, 0, 0],
  'anthropic-messages-sse-cache-write': [4 + 1165, 201, 1370, 0, 1165, 0],
  // The final message_delta's counts win over message_start's (see the edge-case test below).
  'anthropic-messages-sse-code-exec-cache': [
    6 + 3337 + 6289,
    198,
    9830,
    6289,
    3337,
    0,
    { cache_write_5m_tokens: 3068, cache_write_1h_tokens: 0 },
  ],
  'anthropic-messages-sse-compaction-cache-read': [181, 8, 189, 0, 0, 0, none],
  'anthropic-messages-sse-stop-sequence': [16, 28, 44, 0, 0, 0, none],
  'anthropic-messages-sse-text-1': [17, 10, 27, 0, 0, 0, none],
  'anthropic-messages-sse-text-2': [17, 171, 188, 0, 0, 0],
  'anthropic-messages-sse-thinking': [43, 282, 325, 0, 0, 0, none],
  'anthropic-messages-sse-tool-parallel': [506, 153, 659, 0, 0, 0],
  'anthropic-messages-sse-tool-text': [565, 48, 613, 0, 0, 0, none],
  // OpenAI-style: cached inside prompt_tokens, reasoning inside completion_tokens.
  'azure-chat-sse-usage-reasoning': [15, 78, 93, 0, 0, 64],
  'cerebras-chat-json-text': [42, 8, 50, 0, 0, 0],
  'deepseek-chat-json-reasoning': [12, 789, 801, 0, 0, 415],
  'deepseek-chat-sse-tool-cached-reasoning': [339, 83, 422, 320, 0, 39],
  // Gemini: total 109 - prompt 35 = 74 output tokens, of which 109 - 35 - 12 = 62 hidden thinking.
  'gemini-chat-json-tool': [35, 74, 109, 0, 0, 62],
  'groq-chat-json-text': [45, 607, 652, 0, 0, 0],
  'groq-chat-sse-tool': [210, 15, 225, 0, 0, 0],
  'groq-chat-sse-tool-reasoning': [304, 49, 353, 0, 0, 23],
  'mistral-chat-json-text': [11, 96, 107, 0, 0, 0],
  'mistral-chat-sse-thinking': [10, 232, 242, 0, 0, 0],
  'openai-chat-json-cache-hit': [4020, 4, 4024, 4012, 0, 0],
  'openai-chat-json-cache-miss': [4020, 4, 4024, 0, 4012, 0],
  'openai-chat-json-reasoning': [11, 809, 820, 0, 0, 768],
  'openai-chat-json-text-1': [16, 363, 379, 0, 0, 0],
  'openai-chat-json-text-2': [14, 7, 21, 0, 0, 0],
  'openai-chat-json-tool': [68, 12, 80, 0, 0, 0],
  'openai-chat-json-tool-parallel': [70, 46, 116, 0, 0, 0],
  'openai-chat-sse-usage-text': [16, 300, 316, 0, 0, 0],
  'openai-chat-sse-usage-tool': [53, 15, 68, 0, 0, 0],
  'openai-responses-json-cached': [2087, 124, 2211, 2048, 0, 0],
  'openai-responses-json-reasoning': [34, 226, 260, 0, 0, 59],
  'openai-responses-json-text': [14, 8, 22, 0, 0, 0],
  'openai-responses-json-tool-parallel': [58, 44, 102, 0, 0, 0],
  'openai-responses-sse-text': [18, 79, 97, 0, 0, 0],
  'openai-responses-sse-tool': [255, 16, 271, 0, 0, 0],
  'openai-responses-sse-websearch-cached-reasoning': [31073, 4416, 35489, 3712, 0, 3712],
  'openrouter-chat-json-reasoning': [17, 1515, 1532, 0, 0, 704],
  'openrouter-chat-sse-cached-reasoning': [687, 187, 874, 679, 0, 118],
  // xAI: reasoning (290) outside completion_tokens (1): output = 1 + 290.
  'xai-chat-sse-reasoning-cached': [12, 291, 303, 11, 0, 290],
};

const recordings = recordedUsages();

function expected(row: Row): NormalizedUsage {
  const [input, output, total, cacheRead, cacheWrite, reasoning, extra] = row;
  return {
    input_tokens: input,
    output_tokens: output,
    total_tokens: total,
    cache_read_tokens: cacheRead,
    cache_write_tokens: cacheWrite,
    reasoning_tokens: reasoning,
    input_audio_tokens: 0,
    output_audio_tokens: 0,
    web_search_requests: 0,
    ...extra,
  };
}

describe('normalizeUsage on every real recording that carries usage', () => {
  test('the table covers exactly the recordings with usage', () => {
    expect(recordings.map((r) => r.case).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(recordings.map((r) => [r.case, r] as const))(
    '%s, with the API and provider as hints',
    (name, recording) => {
      const usage = normalizeUsage(recording.usage, {
        api: recording.api,
        provider: recording.provider,
      });
      expect(usage).toEqual(expected(EXPECTED[name]!));
      expect(NormalizedUsageSchema.parse(usage)).toEqual(usage);
    },
  );

  test.each(recordings.map((r) => [r.case, r] as const))(
    '%s, recognized from its shape alone',
    (name, recording) => {
      expect(normalizeUsage(recording.usage)).toEqual(expected(EXPECTED[name]!));
    },
  );

  test('normalizing a normalized usage returns it unchanged', () => {
    for (const recording of recordings) {
      const once = normalizeUsage(recording.usage);
      expect(normalizeUsage(once)).toEqual(once);
    }
  });
});

describe('Anthropic stream edge cases where message_start and message_delta disagree', () => {
  const byCase = (name: string) => recordings.find((r) => r.case === name)!;

  test('code execution: message_start and the final message_delta read on their own', () => {
    const recording = byCase('anthropic-messages-sse-code-exec-cache');
    expect(normalizeUsage(recording.streamStart)).toMatchObject({
      input_tokens: 2 + 3068,
      cache_write_tokens: 3068,
      cache_write_5m_tokens: 3068,
      output_tokens: 69,
    });
    expect(normalizeUsage(recording.streamDelta)).toMatchObject({
      input_tokens: 6 + 3337 + 6289,
      cache_read_tokens: 6289,
      cache_write_tokens: 3337,
      output_tokens: 198,
      web_search_requests: 0,
    });
  });

  test('compaction: message_start holds the compaction pass, message_delta the final message', () => {
    const recording = byCase('anthropic-messages-sse-compaction-cache-read');
    expect(normalizeUsage(recording.streamStart)).toMatchObject({
      input_tokens: 100 + 55096,
      cache_read_tokens: 55096,
      output_tokens: 7,
    });
    expect(normalizeUsage(recording.streamDelta)).toMatchObject({
      input_tokens: 181,
      output_tokens: 8,
    });
  });
});

describe('costs the providers report themselves', () => {
  test("OpenRouter's usage.cost, in dollars", () => {
    const recording = recordings.find((r) => r.case === 'openrouter-chat-sse-cached-reasoning')!;
    expect(reportedCostOf(recording.usage)).toEqual({ usd: 0.00333825, path: 'usage.cost' });
  });

  test("xAI's usage.cost_in_usd_ticks, at 10^-10 dollars a tick", () => {
    const recording = recordings.find((r) => r.case === 'xai-chat-sse-reasoning-cached')!;
    expect(reportedCostOf(recording.usage)).toEqual({
      usd: 0.000146625,
      path: 'usage.cost_in_usd_ticks',
    });
  });

  test('none for a usage object without a cost', () => {
    expect(
      reportedCostOf({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }),
    ).toBeUndefined();
  });
});
