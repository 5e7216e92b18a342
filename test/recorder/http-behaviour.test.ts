import OpenAI from 'openai';
import { describe, expect, it, vi } from 'vitest';
import { useCassette } from '../../src/index.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';
import { recordThenReplay, tempCassetteDir } from '../support/record-replay.ts';

const client = (baseURL: string, maxRetries = 2) =>
  new OpenAI({ apiKey: 'test-key', baseURL, maxRetries });
type ChatParams = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
type StreamParams = OpenAI.Chat.ChatCompletionCreateParamsStreaming;

/** Delays of the SDK's retry sleeps (its request-timeout timer is far longer). */
function retrySleeps(spy: { mock: { calls: unknown[][] } }): number[] {
  return spy.mock.calls
    .map((call) => Number(call[1] ?? 0))
    .filter((ms) => ms >= 100 && ms < 60_000);
}

describe('provider errors', () => {
  it('replays 429s and the retry the SDK made, without sleeping through retry-after', async () => {
    const rateLimited = {
      fixture: 'openai-error-429-insufficient-quota',
      headers: { 'retry-after': '1', 'x-request-id': 'req_loopback_429' },
    };
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    server.serve(rateLimited, rateLimited, 'openai-chat-json-text-2');
    const params = loadCase('openai-chat-json-text-2').request as ChatParams;
    const baseURL = `${server.origin}/v1`;

    const timers = vi.spyOn(globalThis, 'setTimeout');
    const recording = await useCassette('retry', { dir, mode: 'record' });
    const recorded = await client(baseURL).chat.completions.create(params);
    await recording.eject();
    const sleptWhileRecording = retrySleeps(timers);
    await server.stop();
    timers.mockClear();

    const replaying = await useCassette('retry', { dir, mode: 'replay' });
    const replayed = await client(baseURL).chat.completions.create(params);
    const report = await replaying.eject();
    const sleptWhileReplaying = retrySleeps(timers);
    timers.mockRestore();

    expect(server.received).toHaveLength(3);
    expect(replayed).toEqual(recorded);
    expect(report.replayed).toBe(3);
    // Recording honoured retry-after twice (other entries are the HTTP client's own timers).
    expect(sleptWhileRecording.filter((ms) => ms === 1000).length).toBeGreaterThanOrEqual(2);
    expect(sleptWhileReplaying).toEqual([]);
  });

  it('keeps the headers SDKs read on an error (retry-after, request id)', async () => {
    const run = await recordThenReplay(
      [
        {
          fixture: 'openai-chat-error-400',
          headers: { 'x-request-id': 'req_loopback_400', 'retry-after': '7' },
        },
      ],
      async (baseURL) => {
        try {
          await client(baseURL, 0).chat.completions.create(
            loadCase('openai-chat-error-400').request as ChatParams,
          );
          return null;
        } catch (error) {
          const e = error as InstanceType<typeof OpenAI.APIError>;
          return {
            status: e.status,
            requestID: e.requestID,
            retryAfter: e.headers?.get('retry-after'),
          };
        }
      },
    );
    expect(run.recorded).toEqual({ status: 400, requestID: 'req_loopback_400', retryAfter: '7' });
    expect(run.replayed).toEqual(run.recorded);
  });
});

describe('bodies', () => {
  it('stores a gzip response decoded, as JSON, and replays it decodable', async () => {
    const params = loadCase('openai-chat-json-tool-parallel').request as ChatParams;
    const run = await recordThenReplay(
      [{ fixture: 'openai-chat-json-tool-parallel', gzip: true }],
      (baseURL) => client(baseURL).chat.completions.create(params),
    );
    expect(run.replayed).toEqual(run.recorded);
    const response = run.cassette.interactions[0]!.response;
    expect(response.body_format).toBe('json');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-length']).toBeUndefined();
    expect(
      (run.recorded as OpenAI.Chat.ChatCompletion).choices[0]!.message.tool_calls,
    ).toHaveLength(2);
  });

  it('replays identical requests with their recordings in order', async () => {
    const params = loadCase('openai-chat-json-text-2').request as ChatParams;
    const run = await recordThenReplay(
      ['openai-chat-json-cache-miss', 'openai-chat-json-cache-hit'],
      async (baseURL) => {
        const first = await client(baseURL).chat.completions.create(params);
        const second = await client(baseURL).chat.completions.create(params);
        return [first.id, second.id];
      },
    );
    expect(run.recorded[0]).not.toEqual(run.recorded[1]);
    expect(run.replayed).toEqual(run.recorded);
  });
});

describe('adversarial re-chunking', () => {
  const fixtures = [
    'openai-chat-sse-usage-text', // multi-byte UTF-8 in the text
    'openrouter-chat-sse-cached-reasoning', // comment lines
  ];
  for (const fixture of fixtures) {
    it(`gives the same SDK chunks for ${fixture} cut byte by byte or at seeded points`, async () => {
      const dir = tempCassetteDir();
      const server = await ProviderServer.start();
      server.serve(fixture);
      const baseURL = `${server.origin}/v1`;
      const params: StreamParams = {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'stand-in request for a recording without one' }],
        stream: true,
      };
      const collect = async () => {
        const out: unknown[] = [];
        for await (const chunk of await client(baseURL).chat.completions.create(params)) {
          out.push(chunk);
        }
        return out;
      };
      const recording = await useCassette('chunks', { dir, mode: 'record' });
      const recorded = await collect();
      await recording.eject();
      await server.stop();
      for (const chunking of ['byte', { seed: 1 }, { seed: 7, maxChunkBytes: 5 }] as const) {
        const replaying = await useCassette('chunks', { dir, mode: 'replay', chunking });
        expect(await collect()).toEqual(recorded);
        await replaying.eject();
      }
    });
  }
});
