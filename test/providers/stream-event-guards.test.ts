import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  StreamEventSchema as AnthropicEventSchema,
  isContentBlockDelta,
} from '../../src/providers/anthropic-messages.ts';
import { isCommonChunk } from '../../src/providers/chat-chunk-guard.ts';
import { ChatCompletionChunkSchema } from '../../src/providers/chat-completions.ts';
import {
  isTextDelta,
  StreamEventSchema as ResponsesEventSchema,
} from '../../src/providers/responses.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { REAL_CASES } from './real-cases.ts';

/**
 * A hot-path guard may only be stricter than its zod schema: whatever it accepts, the schema
 * accepts, and every field the schema reads out has the same value in the raw event.
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

function expectSchemaAgrees(schema: z.ZodType, event: unknown): void {
  const parsed = schema.safeParse(event);
  expect(parsed.success).toBe(true);
  expect(readsAlike(parsed.data, event)).toBe(true);
}

/** The data of every event of the real recordings of one API. */
function realEvents(api: string): unknown[] {
  const streams = REAL_CASES.filter((c) => c.meta.stream && c.meta.api === api);
  expect(streams.length).toBeGreaterThan(0);
  return streams.flatMap((c) =>
    parseSseText(c.body).flatMap((message) =>
      message.kind === 'event' && message.data !== '[DONE]'
        ? [JSON.parse(message.data) as unknown]
        : [],
    ),
  );
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
        if (isCommonChunk(value)) expectSchemaAgrees(ChatCompletionChunkSchema, value);
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
      expectSchemaAgrees(ChatCompletionChunkSchema, value);
    }
  });

  it('leaves errors and odd types to the schema', () => {
    expect(isCommonChunk({ error: { message: 'overloaded' } })).toBe(false);
    expect(isCommonChunk({ choices: [{ index: 0.5 }] })).toBe(false);
    expect(isCommonChunk({ created: '1700000000' })).toBe(false);
    expect(isCommonChunk([])).toBe(false);
  });

  it('agrees with the schema on every chunk of the real Chat Completions streams', () => {
    const events = realEvents('chat.completions');
    for (const event of events.filter(isCommonChunk)) {
      expectSchemaAgrees(ChatCompletionChunkSchema, event);
    }
    expect(events.filter(isCommonChunk).length).toBeGreaterThan(0);
  });
});

const contentBlockDelta = fc.record(
  {
    type: fc.oneof(fc.constant('content_block_delta'), fc.string()),
    index: maybe(number),
    delta: maybe(
      fc.record(
        {
          type: maybe(fc.constantFrom('text_delta', 'thinking_delta', 'input_json_delta')),
          text: maybe(fc.string()),
          thinking: maybe(fc.string()),
          partial_json: maybe(fc.string()),
          signature: maybe(fc.string()),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('isContentBlockDelta (hot path of Anthropic Messages streams)', () => {
  it('accepts only events the schema accepts and reads alike', () => {
    fc.assert(
      fc.property(fc.oneof(contentBlockDelta, fc.anything()), (value) => {
        if (isContentBlockDelta(value)) expectSchemaAgrees(AnthropicEventSchema, value);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes every text, thinking and tool-input delta of the real streams', () => {
    const deltas = realEvents('messages').filter(
      (event) => (event as { type?: unknown }).type === 'content_block_delta',
    );
    expect(deltas.length).toBeGreaterThan(0);
    for (const event of deltas) {
      expect(isContentBlockDelta(event)).toBe(true);
      expectSchemaAgrees(AnthropicEventSchema, event);
    }
  });
});

const responsesDelta = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'response.output_text.delta',
        'response.refusal.delta',
        'response.reasoning_summary_text.delta',
        'response.function_call_arguments.delta',
      ),
      fc.string(),
    ),
    delta: maybe(fc.string()),
    item_id: maybe(fc.string()),
    output_index: maybe(number),
    sequence_number: maybe(fc.nat()),
  },
  { requiredKeys: [] },
);

describe('isTextDelta (hot path of Responses streams)', () => {
  it('accepts only events the schema accepts and reads alike', () => {
    fc.assert(
      fc.property(fc.oneof(responsesDelta, fc.anything()), (value) => {
        if (isTextDelta(value)) expectSchemaAgrees(ResponsesEventSchema, value);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes every text delta of the real streams', () => {
    const deltas = realEvents('responses').filter(
      (event) => (event as { type?: unknown }).type === 'response.output_text.delta',
    );
    expect(deltas.length).toBeGreaterThan(0);
    for (const event of deltas) {
      expect(isTextDelta(event)).toBe(true);
      expectSchemaAgrees(ResponsesEventSchema, event);
    }
  });
});
