import { describe, expect, it } from 'vitest';
import { anthropicMessagesAdapter, mergeUsage } from '../../src/providers/anthropic-messages.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { realCase } from './real-cases.ts';

function streamFacts(name: string) {
  const reducer = anthropicMessagesAdapter.createReducer();
  for (const m of parseSseText(realCase(name).body))
    if (m.kind === 'event') reducer.push(JSON.parse(m.data));
  return { facts: reducer.facts(), terminated: reducer.terminated };
}

describe('Anthropic message_delta usage is cumulative: the latest value wins, nothing is summed', () => {
  it('compaction: message_delta input 181 / cache_read 0 replace message_start 100 / 55096', () => {
    const { facts } = streamFacts('anthropic-messages-sse-compaction-cache-read');
    expect(facts.usage).toMatchObject({
      input_tokens: 181,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      output_tokens: 8,
    });
  });

  it('code execution: 6 / 3337 / 6289 from message_delta; the stale 5m split of 3068 is dropped', () => {
    const { facts } = streamFacts('anthropic-messages-sse-code-exec-cache');
    expect(facts.usage).toMatchObject({
      input_tokens: 6,
      cache_creation_input_tokens: 3337,
      cache_read_input_tokens: 6289,
      output_tokens: 198,
    });
    expect(facts.usage).not.toHaveProperty('cache_creation');
  });

  it('output tokens come from the last message_delta, not the provisional message_start', () => {
    expect(mergeUsage({ input_tokens: 10, output_tokens: 1 }, { output_tokens: 42 })).toEqual({
      input_tokens: 10,
      output_tokens: 42,
    });
    // Two deltas: the second replaces the first (cumulative), never adds to it.
    const once = mergeUsage({ input_tokens: 10, output_tokens: 1 }, { output_tokens: 20 });
    expect(mergeUsage(once, { output_tokens: 42 })).toMatchObject({ output_tokens: 42 });
  });

  it('keeps the 5m/1h split where message_delta leaves the cache-write total unchanged', () => {
    const start = {
      cache_creation_input_tokens: 418,
      cache_creation: { ephemeral_5m_input_tokens: 418 },
    };
    expect(
      mergeUsage(start, { cache_creation_input_tokens: 418, output_tokens: 3 }),
    ).toHaveProperty('cache_creation');
  });
});

describe('tool-use input assembled from input_json_delta', () => {
  it('parallel tool calls get their whole JSON input', () => {
    const { facts } = streamFacts('anthropic-messages-sse-tool-parallel');
    expect(facts.message.tool_calls).toEqual([
      {
        id: 'toolu_014x5X91kx3fvdhpLvwXZWE2',
        name: 'get_weather',
        arguments: '{"location":"San Francisco, CA","unit":"celsius"}',
      },
      {
        id: 'toolu_0121kXsENLvoDZ72LCuAnCCz',
        name: 'get_time',
        arguments: '{"timezone":"America/Los_Angeles"}',
      },
    ]);
  });

  it('server-side tool use (code execution) is no client tool call', () => {
    const { facts } = streamFacts('anthropic-messages-sse-code-exec-cache');
    expect(facts.message.tool_calls).toEqual([]);
    expect(facts.message.content).toBe(
      'The sum of the squares of the numbers 1 through 12 is **650**.',
    );
  });

  it('thinking text is kept apart from the answer', () => {
    const { facts } = streamFacts('anthropic-messages-sse-thinking');
    expect(facts.message.thinking?.length).toBeGreaterThan(0);
    expect(facts.message.content).not.toContain(facts.message.thinking);
  });
});

describe('cache writes with their 5-minute / 1-hour split', () => {
  it('kept in the record where the provider gives it', async () => {
    const { extractMetadata } = await import('../../src/index.ts');
    const c = realCase('anthropic-messages-json-cache-read-write');
    const { metadata } = extractMetadata({ request: c.request, response: c.body, url: c.url });
    expect(metadata).toMatchObject({
      prompt_tokens: 1532,
      cached_tokens: 1111,
      cache_creation_tokens: 418,
      cache_creation_5m_tokens: 418,
      cache_creation_1h_tokens: 0,
      service_tier: 'standard',
    });
  });
});
