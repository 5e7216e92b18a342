import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonChunk } from '../../src/providers/chat-chunk-guard.ts';
import { ChatCompletionChunkSchema } from '../../src/providers/chat-completions.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { REAL_CASES } from './real-cases.ts';

/**
 * The hot-path guard may only be stricter than `ChatCompletionChunkSchema`: whatever it accepts,
 * the schema accepts, and every field the schema reads out has the same value in the raw chunk.
 */
function readsAlike(parsed: unknown, raw: unknown): boolean {
  if (typeof parsed !== 'object' || parsed === null) return Object.is(parsed, raw);
  if (typeof raw !== 'object' || raw === null) return false;
  if (Array.isArray(parsed)) {
    return (
      Array.isArray(raw) &&
      parsed.length === raw.length &&
      parsed.every((item, i) => readsAlike(item, raw[i]))
    );
  }
  return Object.entries(parsed).every(([key, value]) =>
    readsAlike(value, (raw as Record<string, unknown>)[key]),
  );
}

function expectSchemaAgrees(chunk: unknown): void {
  const parsed = ChatCompletionChunkSchema.safeParse(chunk);
  expect(parsed.success).toBe(true);
  expect(readsAlike(parsed.data, chunk)).toBe(true);
}

/** A value of the expected type most of the time, anything otherwise. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: arb },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
    { weight: 1, arbitrary: fc.anything() },
  );
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60),
);
const toolCall = fc.record(
  {
    index: maybe(fc.nat()),
    id: maybe(fc.string()),
    type: maybe(fc.constant('function')),
    function: maybe(fc.record({ name: maybe(fc.string()), arguments: maybe(fc.string()) })),
  },
  { requiredKeys: [] },
);
const delta = fc.record(
  {
    role: maybe(fc.constant('assistant')),
    content: maybe(
      fc.oneof(fc.string(), fc.array(fc.record({ type: fc.string(), text: fc.string() }))),
    ),
    refusal: maybe(fc.string()),
    reasoning_content: maybe(fc.string()),
    reasoning: maybe(fc.string()),
    tool_calls: maybe(fc.array(toolCall, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);
const choice = fc.record(
  {
    index: maybe(number),
    delta: maybe(delta),
    finish_reason: maybe(fc.string()),
    logprobs: maybe(fc.constant(null)),
  },
  { requiredKeys: [] },
);
const chunk = fc.record(
  {
    id: maybe(fc.string()),
    object: maybe(fc.constant('chat.completion.chunk')),
    created: maybe(number),
    model: maybe(fc.string()),
    service_tier: maybe(fc.string()),
    usage: maybe(fc.record({ prompt_tokens: fc.nat(), completion_tokens: fc.nat() })),
    x_groq: maybe(fc.record({ usage: fc.anything() })),
    choices: maybe(fc.array(choice, { maxLength: 3 })),
    error: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(undefined, null) },
      { weight: 1, arbitrary: fc.anything() },
    ),
  },
  { requiredKeys: [] },
);

describe('isCommonChunk (hot path of Chat Completions streams)', () => {
  it('accepts only chunks the schema accepts and reads alike', () => {
    fc.assert(
      fc.property(fc.oneof(chunk, fc.anything()), (value) => {
        if (isCommonChunk(value)) expectSchemaAgrees(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the common chunks: text, tool calls, finish, usage', () => {
    const common = [
      {
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model: 'gpt-4o-mini',
        choices: [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, finish_reason: null }],
        usage: null,
      },
      {
        id: 'chatcmpl-1',
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{' } }],
            },
          },
        ],
      },
      { id: 'chatcmpl-1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
      { id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 3, completion_tokens: 5 } },
    ];
    for (const value of common) {
      expect(isCommonChunk(value)).toBe(true);
      expectSchemaAgrees(value);
    }
  });

  it('leaves errors and odd types to the schema', () => {
    expect(isCommonChunk({ error: { message: 'overloaded' } })).toBe(false);
    expect(isCommonChunk({ choices: [{ index: 0.5 }] })).toBe(false);
    expect(isCommonChunk({ created: '1700000000' })).toBe(false);
    expect(isCommonChunk([])).toBe(false);
  });

  it('agrees with the schema on every chunk of the real Chat Completions streams', () => {
    const streams = REAL_CASES.filter((c) => c.meta.stream && c.meta.api === 'chat.completions');
    expect(streams.length).toBeGreaterThan(0);
    let taken = 0;
    for (const c of streams) {
      for (const message of parseSseText(c.body)) {
        if (message.kind !== 'event' || message.data === '[DONE]') continue;
        const value: unknown = JSON.parse(message.data);
        if (!isCommonChunk(value)) continue;
        taken++;
        expectSchemaAgrees(value);
      }
    }
    expect(taken).toBeGreaterThan(0);
  });
});
