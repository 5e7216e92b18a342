import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/index.ts';
import { REAL_CASES } from './real-cases.ts';

/**
 * What each real recording says about itself: [completion id, model as answered, normalized
 * finish reason, raw finish reason, client tool calls]. Ids and models are copied from the
 * recordings (each also checked to occur verbatim in the recorded body below).
 */
const EXPECTED: Record<string, [string | null, string | null, string, string | null, number]> = {
  'anthropic-messages-error-400': [null, null, 'error', null, 0],
  'anthropic-messages-json-cache-read-write': [
    'msg_01KPaKTJSqAKoZri7Ujrny58',
    'claude-sonnet-4-5-20250929',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-json-stop-sequence': [
    'msg_01376yZQxHcw9pER2Ab2SvQb',
    'claude-sonnet-4-5-20250929',
    'stop',
    'stop_sequence',
    0,
  ],
  'anthropic-messages-json-text-1': [
    'msg_01VdEjxAP5ahtHKrrRdNBteQ',
    'claude-sonnet-4-5-20250929',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-json-text-2': [
    'msg_01Fg1JVgvCYUHWsxrj9GkpEv',
    'claude-3-opus-20240229',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-json-tool-parallel-text': [
    'msg_01RBkXFe9TmDNNWThMz2HmGt',
    'claude-3-5-sonnet-20240620',
    'tool_calls',
    'tool_use',
    2,
  ],
  'anthropic-messages-json-tool': [
    'msg_012TXW181edhmR5JCsQRsBKx',
    'claude-sonnet-4-5-20250929',
    'tool_calls',
    'tool_use',
    1,
  ],
  'anthropic-messages-sse-cache-read': [
    'msg_01XQRA3bs4SB4yTBMwD3dbUi',
    'claude-3-5-sonnet-20240620',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-cache-write': [
    'msg_017FfRkh9PCC8YbjnhDMrPuK',
    'claude-3-5-sonnet-20240620',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-code-exec-cache': [
    'msg_011CdYfpjpVtBoXyXCQD1tQP',
    'claude-sonnet-5',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-compaction-cache-read': [
    'msg_011CduoCRono7pFKoTWpPAia',
    'claude-sonnet-4-6',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-stop-sequence': [
    'msg_01KozUDYHvRtgs3NLgG7jzN9',
    'claude-haiku-4-5-20251001',
    'stop',
    'stop_sequence',
    0,
  ],
  'anthropic-messages-sse-text-1': [
    'msg_017A4s3HAsrqf5d2WvBmrpLr',
    'claude-sonnet-4-5-20250929',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-text-2': [
    'msg_01MXWxhWoPSgrYhjTuMDM6F1',
    'claude-3-haiku-20240307',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-thinking': [
    'msg_01ALwQ87pTS7hH1PjSdC9wJD',
    'claude-sonnet-4-20250514',
    'stop',
    'end_turn',
    0,
  ],
  'anthropic-messages-sse-tool-parallel': [
    'msg_0138UNF3YbNp49KkqZtUBWqz',
    'claude-3-5-sonnet-20240620',
    'tool_calls',
    'tool_use',
    2,
  ],
  'anthropic-messages-sse-tool-text': [
    'msg_01GE2RKp1VYsPzdFs3sS9z5S',
    'claude-sonnet-4-5-20250929',
    'tool_calls',
    'tool_use',
    1,
  ],
  'azure-chat-sse-nousage-text': [
    'chatcmpl-9HpbbsSaH8U6amSDAwdA2WzMeDdLB',
    'gpt-35-turbo',
    'stop',
    'stop',
    0,
  ],
  'azure-chat-sse-usage-reasoning': [
    'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt',
    'gpt-5-nano-2025-08-07',
    'stop',
    'stop',
    0,
  ],
  'cerebras-chat-json-text': [
    'chatcmpl-175bff47-ce89-4fad-bead-62a14f787c49',
    'llama-3.3-70b',
    'stop',
    'stop',
    0,
  ],
  'deepseek-chat-json-reasoning': [
    '181d9669-2b3a-445e-bd13-2ebff2c378f6',
    'deepseek-reasoner',
    'stop',
    'stop',
    0,
  ],
  'deepseek-chat-sse-tool-cached-reasoning': [
    'cca85624-4056-401f-b220-d77601d1f70d',
    'deepseek-reasoner',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'gemini-chat-json-tool': [
    '3SE-aKjdCcCEz7IPxpqjCA',
    'gemini-2.5-pro-preview-05-06',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'groq-chat-error-400': [null, null, 'error', null, 0],
  'groq-chat-json-text': [
    'chatcmpl-09d64d2a-ed1c-4473-829f-78db43f45d13',
    'llama-3.3-70b-versatile',
    'stop',
    'stop',
    0,
  ],
  'groq-chat-sse-tool-reasoning': [
    'chatcmpl-e35442a8-12c0-4fb4-8be4-0e51727ce7b7',
    'openai/gpt-oss-120b',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'groq-chat-sse-tool': [
    'chatcmpl-b610d559-f156-4aca-8827-24b4fe6af54f',
    'llama-3.3-70b-versatile',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'mistral-chat-json-text': ['e9459fcd56c742e0875167c9926c6aae', 'mistral-tiny', 'stop', 'stop', 0],
  'mistral-chat-sse-thinking': [
    '9f9d90210f194076abeee223863eaaf0',
    'magistral-medium-latest',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-error-400': [null, null, 'error', null, 0],
  'openai-chat-json-cache-hit': [
    'chatcmpl-E1mBQt42vYTsKNd5wnyJlT0db7v9S',
    'gpt-5.6-sol',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-json-cache-miss': [
    'chatcmpl-E1mBLGr3Ql1FsH8cdc76XdGw3PleH',
    'gpt-5.6-sol',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-json-reasoning': [
    'chatcmpl-BJyAKqCjJI3mIdQmTSW6UlG6NKpjm',
    'o3-mini-2025-01-31',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-json-text-1': [
    'chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU',
    'gpt-4.1-nano-2025-04-14',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-json-text-2': [
    'chatcmpl-Bu8vBIrB8kIWKRyTcpEEPncjhHtMU',
    'gpt-4o-2024-08-06',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-json-tool-parallel': [
    'chatcmpl-9g4cZhrW9CsqihSvXslk0EUtjASsO',
    'gpt-3.5-turbo-0125',
    'tool_calls',
    'tool_calls',
    2,
  ],
  'openai-chat-json-tool': [
    'chatcmpl-BSXk0dWkG4hfPt0lph4oFO35iT73I',
    'gpt-4o-2024-08-06',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'openai-chat-sse-nousage-text': [
    'chatcmpl-908MECg5dMyTTbJEltubwQXeeWlBA',
    'gpt-3.5-turbo-0125',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-sse-nousage-tool': [
    'chatcmpl-9Xtj47S36iWNBARmBocBaifGBbjtw',
    'gpt-3.5-turbo-0125',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'openai-chat-sse-usage-text': [
    'chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0',
    'gpt-4.1-nano-2025-04-14',
    'stop',
    'stop',
    0,
  ],
  'openai-chat-sse-usage-tool': [
    'chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl',
    'gpt-4o-mini-2024-07-18',
    'tool_calls',
    'tool_calls',
    1,
  ],
  'openai-error-429-insufficient-quota': [null, null, 'error', null, 0],
  'openai-responses-error-400': [null, null, 'error', null, 0],
  'openai-responses-json-cached': [
    'resp_68c42d3fd6a08196bce23d6be960ff8a0e8bc41441c948f6',
    'gpt-5-2025-08-07',
    'stop',
    'completed',
    0,
  ],
  'openai-responses-json-reasoning': [
    'resp_0b028a7a2aca8d68006942f4e05a848193a3052f1530ea1deb',
    'gpt-5.2-2025-12-11',
    'stop',
    'completed',
    0,
  ],
  'openai-responses-json-text': [
    'resp_68c2e8c147ac819491bcd667055eadbc02e845978fbbb592',
    'gpt-4o-2024-08-06',
    'stop',
    'completed',
    0,
  ],
  'openai-responses-json-tool-parallel': [
    'resp_685ff8928dc4819aac45e085ba66838101c537ddeff5c2a2',
    'gpt-4.1-nano-2025-04-14',
    'tool_calls',
    'completed',
    2,
  ],
  'openai-responses-sse-error-failed': [
    'resp_05500b38c2cd9bfc00691c7c9d222481a3b595421266dab424',
    'gpt-5-nano-2025-08-07',
    'error',
    'failed',
    0,
  ],
  'openai-responses-sse-text': [
    'resp_0fef0f8a68937870006911e9ecf124819491634b434678464a',
    'gpt-4.1-nano-2025-04-14',
    'stop',
    'completed',
    0,
  ],
  'openai-responses-sse-tool': [
    'resp_67e554a155508191900ee113293c4c830794405d35281ae2',
    'gpt-4o-2024-08-06',
    'tool_calls',
    'completed',
    1,
  ],
  'openai-responses-sse-websearch-cached-reasoning': [
    'resp_0cc96ac817fdc57e00693337060a408198b92bf1f99cf1b8ec',
    'gpt-5-mini-2025-08-07',
    'stop',
    'completed',
    0,
  ],
  'openrouter-chat-json-reasoning': [
    'gen-1762789695-8IngOktYUifJqeBs0mwc',
    'openai/gpt-5-mini',
    'stop',
    'stop',
    0,
  ],
  'openrouter-chat-sse-cached-reasoning': [
    'gen-1762064096-m5VxL2xrxOREwashCey6',
    'x-ai/grok-4',
    'stop',
    'stop',
    0,
  ],
  'xai-chat-sse-reasoning-cached': [
    '7327b9f5-1c2f-0a15-3fef-c14a71c460d3',
    'grok-3-mini',
    'stop',
    'stop',
    0,
  ],
};

/** Error bodies: the provider's error type, as the body carries it. */
const ERROR_TYPES: Record<string, string> = {
  'anthropic-messages-error-400': 'invalid_request_error',
  'groq-chat-error-400': 'invalid_request_error',
  'openai-chat-error-400': 'invalid_request_error',
  'openai-error-429-insufficient-quota': 'insufficient_quota',
  'openai-responses-error-400': 'invalid_request_error',
  'openai-responses-sse-error-failed': 'insufficient_quota',
};

/**
 * Token counts as each recording's usage object gives them, normalized (prompt includes cache
 * reads and writes, completion includes reasoning): [prompt, completion, total, cache read, cache
 * write, reasoning, usage_source, reported cost]. Streams without usage are checked apart.
 */
type TokenRow = [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  string | null,
  number | null,
];
const TOKENS: Record<string, TokenRow> = {
  'anthropic-messages-error-400': [null, null, null, null, null, null, null, null],
  'anthropic-messages-json-cache-read-write': [1532, 33, 1565, 1111, 418, 0, 'provider', null],
  'anthropic-messages-json-stop-sequence': [32, 5, 37, 0, 0, 0, 'provider', null],
  'anthropic-messages-json-text-1': [12, 29, 41, 0, 0, 0, 'provider', null],
  'anthropic-messages-json-text-2': [20, 10, 30, 0, 0, 0, 'provider', null],
  'anthropic-messages-json-tool-parallel-text': [514, 152, 666, 0, 0, 0, 'provider', null],
  'anthropic-messages-json-tool': [445, 23, 468, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-cache-read': [1169, 221, 1390, 1165, 0, 0, 'provider', null],
  'anthropic-messages-sse-cache-write': [1169, 201, 1370, 0, 1165, 0, 'provider', null],
  'anthropic-messages-sse-code-exec-cache': [9632, 198, 9830, 6289, 3337, 0, 'provider', null],
  'anthropic-messages-sse-compaction-cache-read': [181, 8, 189, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-stop-sequence': [16, 28, 44, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-text-1': [17, 10, 27, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-text-2': [17, 171, 188, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-thinking': [43, 282, 325, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-tool-parallel': [506, 153, 659, 0, 0, 0, 'provider', null],
  'anthropic-messages-sse-tool-text': [565, 48, 613, 0, 0, 0, 'provider', null],
  'azure-chat-sse-usage-reasoning': [15, 78, 93, 0, 0, 64, 'provider', null],
  'cerebras-chat-json-text': [42, 8, 50, 0, 0, 0, 'provider', null],
  'deepseek-chat-json-reasoning': [12, 789, 801, 0, 0, 415, 'provider', null],
  'deepseek-chat-sse-tool-cached-reasoning': [339, 83, 422, 320, 0, 39, 'provider', null],
  'gemini-chat-json-tool': [35, 74, 109, 0, 0, 62, 'provider', null],
  'groq-chat-error-400': [null, null, null, null, null, null, null, null],
  'groq-chat-json-text': [45, 607, 652, 0, 0, 0, 'provider', null],
  'groq-chat-sse-tool-reasoning': [304, 49, 353, 0, 0, 23, 'provider', null],
  'groq-chat-sse-tool': [210, 15, 225, 0, 0, 0, 'provider', null],
  'mistral-chat-json-text': [11, 96, 107, 0, 0, 0, 'provider', null],
  'mistral-chat-sse-thinking': [10, 232, 242, 0, 0, 0, 'provider', null],
  'openai-chat-error-400': [null, null, null, null, null, null, null, null],
  'openai-chat-json-cache-hit': [4020, 4, 4024, 4012, 0, 0, 'provider', null],
  'openai-chat-json-cache-miss': [4020, 4, 4024, 0, 4012, 0, 'provider', null],
  'openai-chat-json-reasoning': [11, 809, 820, 0, 0, 768, 'provider', null],
  'openai-chat-json-text-1': [16, 363, 379, 0, 0, 0, 'provider', null],
  'openai-chat-json-text-2': [14, 7, 21, 0, 0, 0, 'provider', null],
  'openai-chat-json-tool-parallel': [70, 46, 116, 0, 0, 0, 'provider', null],
  'openai-chat-json-tool': [68, 12, 80, 0, 0, 0, 'provider', null],
  'openai-chat-sse-usage-text': [16, 300, 316, 0, 0, 0, 'provider', null],
  'openai-chat-sse-usage-tool': [53, 15, 68, 0, 0, 0, 'provider', null],
  'openai-error-429-insufficient-quota': [null, null, null, null, null, null, null, null],
  'openai-responses-error-400': [null, null, null, null, null, null, null, null],
  'openai-responses-json-cached': [2087, 124, 2211, 2048, 0, 0, 'provider', null],
  'openai-responses-json-reasoning': [34, 226, 260, 0, 0, 59, 'provider', null],
  'openai-responses-json-text': [14, 8, 22, 0, 0, 0, 'provider', null],
  'openai-responses-json-tool-parallel': [58, 44, 102, 0, 0, 0, 'provider', null],
  'openai-responses-sse-error-failed': [null, null, null, null, null, null, null, null],
  'openai-responses-sse-text': [18, 79, 97, 0, 0, 0, 'provider', null],
  'openai-responses-sse-tool': [255, 16, 271, 0, 0, 0, 'provider', null],
  'openai-responses-sse-websearch-cached-reasoning': [
    31073,
    4416,
    35489,
    3712,
    0,
    3712,
    'provider',
    null,
  ],
  'openrouter-chat-json-reasoning': [17, 1515, 1532, 0, 0, 704, 'provider', null],
  'openrouter-chat-sse-cached-reasoning': [687, 187, 874, 679, 0, 118, 'provider', 0.00333825],
  'xai-chat-sse-reasoning-cached': [12, 291, 303, 11, 0, 290, 'provider', 0.000146625],
};

/** Streams that carry no usage at all (OpenAI without `stream_options.include_usage`). */
const NO_USAGE = [
  'azure-chat-sse-nousage-text',
  'openai-chat-sse-nousage-text',
  'openai-chat-sse-nousage-tool',
];

describe('every real recording', () => {
  it('has an expectation here', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(REAL_CASES.map((c) => c.name).sort());
  });

  for (const c of REAL_CASES) {
    describe(c.name, () => {
      const { metadata, message } = extractMetadata({
        request: c.request,
        response: c.body,
        url: c.url,
        status: c.meta.status,
      });
      const [id, model, finish, rawFinish, toolCalls] = EXPECTED[c.name] ?? [];

      it('names the provider, API and stream flag the recording was made with', () => {
        expect(metadata.provider).toBe(c.meta.provider);
        expect(metadata.api).toBe(c.meta.api);
        expect(metadata.stream).toBe(c.meta.stream);
      });

      it('carries the id, model and finish reason of the recording', () => {
        expect(metadata.completion_id).toBe(id);
        expect(metadata.model).toBe(model);
        expect(metadata.finish_reason).toBe(finish);
        expect(metadata.provider_finish_reason).toBe(rawFinish);
        if (id) expect(c.body).toContain(id);
        if (model) expect(c.body).toContain(model);
      });

      it('reassembles the tool calls with their recorded ids and JSON arguments', () => {
        expect(metadata.tool_call_count).toBe(toolCalls);
        expect(message.tool_calls).toHaveLength(toolCalls ?? -1);
        for (const call of message.tool_calls) {
          if (call.id) expect(c.body).toContain(call.id);
          expect(c.body).toContain(call.name);
          expect(() => JSON.parse(call.arguments)).not.toThrow();
        }
      });

      it('gives the error type of an error, and text for every answer', () => {
        expect(metadata.error_type).toBe(ERROR_TYPES[c.name] ?? null);
        if (finish === 'stop') expect(message.content?.length).toBeGreaterThan(0);
      });

      it('carries the token counts of the recording', () => {
        const row = TOKENS[c.name];
        if (row === undefined) {
          // No usage in the stream: counted locally where a tokenizer knows the model, else null.
          expect(NO_USAGE).toContain(c.name);
          expect(metadata.usage_source).not.toBe('provider');
          if (metadata.usage_source === 'estimated')
            expect(metadata.prompt_tokens).toBeGreaterThan(0);
          return;
        }
        expect([
          metadata.prompt_tokens,
          metadata.completion_tokens,
          metadata.total_tokens,
          metadata.cached_tokens,
          metadata.cache_creation_tokens,
          metadata.reasoning_tokens,
          metadata.usage_source,
          metadata.reported_cost,
        ]).toEqual(row);
      });

      it('detects the API without the URL, from the body alone', () => {
        const bare = extractMetadata({ request: c.request, response: c.body });
        // An error body names no API; the request's shape does, where the recording kept it.
        if (c.meta.status < 400 || c.request !== undefined)
          expect(bare.metadata.api).toBe(c.meta.api);
        expect(bare.message).toEqual(message);
      });
    });
  }
});
