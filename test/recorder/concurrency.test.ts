import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCassette } from '../../src/index.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';
import { tempCassetteDir } from '../support/record-replay.ts';

const params = loadCase('openai-chat-json-text-2')
  .request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
const dir = tempCassetteDir();
let baseURL = '';

// Two cassettes hold different answers to the same request: a mix-up between them shows.
beforeAll(async () => {
  const server = await ProviderServer.start();
  baseURL = `${server.origin}/v1`;
  server.serve('openai-chat-json-cache-miss', 'openai-chat-json-cache-hit');
  for (const name of ['first', 'second']) {
    const cassette = await useCassette(name, { dir, mode: 'record' });
    await new OpenAI({ apiKey: 'test-key', baseURL }).chat.completions.create(params);
    await cassette.eject();
  }
  await server.stop();
});

const expectedId = (name: string) =>
  (loadCase(name === 'first' ? 'openai-chat-json-cache-miss' : 'openai-chat-json-cache-hit')
    .body.toString()
    .match(/"id": ?"([^"]+)"/) ?? [])[1];

async function replayOnce(name: string, delayMs: number): Promise<string> {
  const cassette = await useCassette(name, { dir, mode: 'replay', timing: { scale: 0 } });
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  const completion = await new OpenAI({ apiKey: 'test-key', baseURL }).chat.completions.create(
    params,
  );
  await cassette.eject();
  return completion.id;
}

describe.concurrent('concurrent tests', () => {
  for (const [name, delay] of [
    ['first', 30],
    ['second', 0],
    ['first', 0],
    ['second', 20],
  ] as const) {
    it(`each sees its own cassette (${name}, ${delay} ms)`, async () => {
      expect(await replayOnce(name, delay)).toBe(expectedId(name));
    });
  }
});

it('two concurrent uses of the same cassette each replay it from the start', async () => {
  const ids = await Promise.all([replayOnce('first', 10), replayOnce('first', 0)]);
  expect(ids).toEqual([expectedId('first'), expectedId('first')]);
});
