import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { collect } from '../support/collect.ts';
import { loadCase } from '../support/provider-server.ts';
import { recordThenReplay } from '../support/record-replay.ts';

// The Anthropic SDK appends `/v1/messages` itself, so its base URL is the bare origin.
const client = (baseURL: string) =>
  new Anthropic({ apiKey: 'test-key', baseURL: baseURL.replace(/\/v1$/, ''), maxRetries: 2 });

type Params = Anthropic.MessageCreateParams;

describe('Anthropic SDK through a cassette', () => {
  it('records and replays a Messages JSON response with tool use', async () => {
    const { request } = loadCase('anthropic-messages-json-tool');
    const run = await recordThenReplay(['anthropic-messages-json-tool'], (baseURL) =>
      client(baseURL).messages.create(request as Anthropic.MessageCreateParamsNonStreaming),
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(run.replaySockets).toBe(0);
    const message = run.recorded as Anthropic.Message;
    expect(message.content.some((b) => b.type === 'tool_use')).toBe(true);
  });

  it('replays a stream so that the SDK events and the final message are equal', async () => {
    const { request } = loadCase('anthropic-messages-sse-tool-parallel');
    const run = await recordThenReplay(
      ['anthropic-messages-sse-tool-parallel'],
      async (baseURL) => {
        const stream = client(baseURL).messages.stream(request as Params);
        const events = await collect(stream);
        return { events, final: await stream.finalMessage() };
      },
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(run.replaySockets).toBe(0);
    expect(run.recorded.final.content.filter((b) => b.type === 'tool_use')).toHaveLength(2);
    const events = run.cassette.interactions[0]!.response.events!;
    expect(events[0]).toMatchObject({ event: 'message_start' });
    expect(events.some((e) => e.event === 'ping')).toBe(true);
  });

  it('records and replays an error response as the SDK error it was', async () => {
    const { request } = loadCase('anthropic-messages-error-400');
    const run = await recordThenReplay(['anthropic-messages-error-400'], (baseURL) =>
      client(baseURL).messages.create(request as Anthropic.MessageCreateParamsNonStreaming),
    );
    expect(run.replayed).toEqual(run.recorded);
    expect(run.recorded).toMatchObject({ thrown: { status: 400 } });
    expect(run.cassette.interactions[0]!.response.status).toBe(400);
  });

  it('replays a stream that broke off mid-way, breaking off at the same event', async () => {
    const { request } = loadCase('anthropic-messages-sse-text-2');
    const run = await recordThenReplay(
      [{ fixture: 'anthropic-messages-sse-text-2', breakAfterEvents: 4 }],
      async (baseURL) => {
        const seen: string[] = [];
        try {
          const stream = await client(baseURL).messages.create({
            ...(request as Params),
            stream: true,
          });
          for await (const event of stream) seen.push(event.type);
          return { seen, error: null };
        } catch (error) {
          return { seen, error: (error as Error).name };
        }
      },
    );
    expect(run.recorded.error).not.toBeNull();
    expect(run.recorded.seen.length).toBeGreaterThan(0);
    expect(run.replayed).toEqual(run.recorded);
    const response = run.cassette.interactions[0]!.response;
    expect(response.complete).toBe(false);
    expect(response.error).toBeTruthy();
  });
});
