import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { collect } from '../support/collect.ts';
import { loadCase } from '../support/provider-server.ts';
import { recordThenReplay } from '../support/record-replay.ts';

const client = (baseURL: string) => new OpenAI({ apiKey: 'test-key', baseURL, maxRetries: 2 });

describe('OpenAI SDK through a cassette', () => {
  it('records and replays a Chat Completions JSON response', async () => {
    const { request } = loadCase('openai-chat-json-text-2');
    const run = await recordThenReplay(['openai-chat-json-text-2'], (baseURL) =>
      client(baseURL).chat.completions.create(
        request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
      ),
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(run.replaySockets).toBe(0);
    const interaction = run.cassette.interactions[0]!;
    expect(interaction.request.body_format).toBe('json');
    expect(interaction.request.body).toEqual(request);
    expect(interaction.response.body_format).toBe('json');
    expect((interaction.response.body as { id: string }).id).toBe(
      (run.recorded as { id: string }).id,
    );
  });

  it('records a stream event by event and replays equal chunks', async () => {
    const { request } = loadCase('openai-chat-sse-usage-tool');
    const run = await recordThenReplay(['openai-chat-sse-usage-tool'], async (baseURL) =>
      collect(
        await client(baseURL).chat.completions.create(
          request as OpenAI.Chat.ChatCompletionCreateParamsStreaming,
        ),
      ),
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(run.replaySockets).toBe(0);
    const response = run.cassette.interactions[0]!.response;
    expect(response.body_format).toBe('sse');
    expect(response.complete).toBe(true);
    const events = response.events!;
    expect(events.at(-1)).toMatchObject({ data: '[DONE]' });
    expect(events.every((e, i) => i === 0 || e.t >= events[i - 1]!.t)).toBe(true);
    const last = run.recorded.at(-1) as OpenAI.Chat.ChatCompletionChunk;
    expect(last.usage).toBeTruthy();
  });

  it('replays a Responses API stream with tool calls', async () => {
    const { request } = loadCase('openai-responses-sse-tool');
    const run = await recordThenReplay(['openai-responses-sse-tool'], async (baseURL) =>
      collect(
        await client(baseURL).responses.create(
          request as OpenAI.Responses.ResponseCreateParamsStreaming,
        ),
      ),
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(run.recorded.length).toBeGreaterThan(3);
  });
});

describe('OpenAI SDK edge cases through a cassette', () => {
  it('records and replays parallel tool calls of a Chat Completions response', async () => {
    const { request } = loadCase('openai-chat-json-tool');
    const run = await recordThenReplay(['openai-chat-json-tool'], (baseURL) =>
      client(baseURL).chat.completions.create(
        request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
      ),
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(
      (run.recorded as OpenAI.Chat.ChatCompletion).choices[0]!.message.tool_calls?.length,
    ).toBeGreaterThan(0);
  });

  it('replays a Chat Completions stream that broke off, breaking off after the same chunk', async () => {
    const { request } = loadCase('openai-chat-sse-nousage-tool');
    const run = await recordThenReplay(
      [{ fixture: 'openai-chat-sse-nousage-tool', breakAfterEvents: 5 }],
      async (baseURL) => {
        const ids: string[] = [];
        try {
          const stream = await client(baseURL).chat.completions.create(
            request as OpenAI.Chat.ChatCompletionCreateParamsStreaming,
          );
          for await (const chunk of stream) ids.push(JSON.stringify(chunk.choices[0]?.delta ?? {}));
          return { ids, error: null };
        } catch (error) {
          return { ids, error: (error as Error).message };
        }
      },
    );
    expect(run.recorded.error).not.toBeNull();
    expect(run.recorded.ids).toHaveLength(5);
    expect(run.replayed).toEqual(run.recorded);
    expect(run.cassette.interactions[0]!.response.complete).toBe(false);
  });

  it('replays with the recorded timing when asked, yielding the same chunks', async () => {
    const { request } = loadCase('openai-chat-sse-usage-tool');
    const params = request as OpenAI.Chat.ChatCompletionCreateParamsStreaming;
    const run = await recordThenReplay(
      ['openai-chat-sse-usage-tool'],
      async (baseURL) => collect(await client(baseURL).chat.completions.create(params)),
      { timing: { scale: 2 } },
    );
    expect(run.replayed).toEqual(run.recorded);
  });
});
