import { describe, expect } from 'llm-cassette/vitest';
import { costByRoute } from '../src/messages.ts';
import { test } from './chat-fixtures.ts';

// Token counts below are the providers' own, as the recordings in cassettes/ hold them; costs
// are those tokens at LiteLLM's prices for the model.

describe('the chat route', () => {
  test('passthrough streams the answer and stores it with its metadata', async ({
    send,
    cassette,
  }) => {
    const reply = await send('Invent a new holiday and describe its traditions.');
    expect(reply.route).toBe('passthrough');
    expect(reply.text).toMatch(/^\*\*Holiday Name:\*\* Harmony Day/);

    const answer = reply.rows.at(-1)!;
    expect(answer).toMatchObject({ role: 'assistant', route: 'passthrough', content: reply.text });
    expect(answer.metadata).toBeValidMetadata();
    expect(answer.metadata).toMatchRecordedMetadata(cassette);
    expect(answer.metadata).toHaveUsage({
      prompt_tokens: 16,
      completion_tokens: 300,
      total_tokens: 316,
    });
    expect(answer.metadata).toHaveCost({
      prompt_cost: 0.0000016,
      completion_cost: 0.00012,
      total_cost: 0.0001216,
    });
    expect(answer.metadata).toMatchObject({
      provider: 'openai',
      model: 'gpt-4.1-nano-2025-04-14',
      stream: true,
      finish_reason: 'stop',
      routing_path: 'passthrough',
    });
  });

  test('reasoning thinks first and streams only the answer', async ({ send, cassette }) => {
    const reply = await send('How do I cross the street?');
    expect(reply.route).toBe('reasoning');
    expect(reply.text).toMatch(/^Here are the basic steps for safely crossing the street/);

    const answer = reply.rows.at(-1)!;
    expect(answer.metadata).toBeValidMetadata();
    expect(answer.metadata).toMatchRecordedMetadata(cassette);
    expect(answer.metadata).toHaveUsage({ prompt_tokens: 43, completion_tokens: 282 });
    expect(answer.metadata).toHaveCost({ total_cost: 0.004359 });
    expect(answer.metadata).toMatchObject({
      provider: 'anthropic',
      model: 'claude-sonnet-4-20250514',
      finish_reason: 'stop',
      routing_path: 'reasoning',
    });
  });

  test('orchestration runs the tool the model asks for and stores both calls', async ({
    send,
    cassette,
  }) => {
    const reply = await send('What is the largest city in the user country?');
    expect(reply.route).toBe('orchestration');
    expect(reply.text).toBe('The capital of France is Paris.');

    const [, toolStep, answer] = reply.rows;
    expect(JSON.parse(toolStep!.content!)).toEqual([
      { id: 'call_iXFttys57ap0o16JSlC8yhYo', name: 'get_user_country', arguments: '{}' },
    ]);
    expect(toolStep!.metadata).toMatchObject({ finish_reason: 'tool_calls', tool_call_count: 1 });
    expect(toolStep!.metadata).toHaveUsage({ prompt_tokens: 68, completion_tokens: 12 });
    expect(answer!.metadata).toHaveUsage({ prompt_tokens: 14, completion_tokens: 7 });
    expect(toolStep!.metadata).toHaveCost({ total_cost: 0.00029 });
    expect(answer!.metadata).toHaveCost({ total_cost: 0.000105 });
    for (const row of [toolStep!, answer!]) {
      expect(row.metadata).toBeValidMetadata();
      expect(row.metadata).toMatchRecordedMetadata(cassette);
    }
  });
});

describe('the messages table', () => {
  test('sums the cost of a conversation per route in SQL', async ({ send, db, task }) => {
    await send('What is the largest city in the user country?');
    const [orchestration] = await costByRoute(db, `conversation-${task.id}`);
    // 0.00029 + 0.000105, summed as numeric by Postgres.
    expect(orchestration).toEqual({ route: 'orchestration', calls: 2, total_cost: '0.000395' });
  });
});
