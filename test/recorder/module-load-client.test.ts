import OpenAI from 'openai';
import { afterAll, expect, it } from 'vitest';
import { useCassette } from '../../src/index.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';
import { tempCassetteDir } from '../support/record-replay.ts';

// Constructed at module load, before any cassette starts: the SDK keeps the `fetch` it sees now.
const server = await ProviderServer.start();
const moduleClient = new OpenAI({ apiKey: 'test-key', baseURL: `${server.origin}/v1` });
afterAll(() => server.stop());

it('records and replays a client constructed at module load', async () => {
  const dir = tempCassetteDir();
  const params = loadCase('openai-chat-json-text-2')
    .request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
  server.serve('openai-chat-json-text-2');

  const recording = await useCassette('module-load', { dir, mode: 'record' });
  const recorded = await moduleClient.chat.completions.create(params);
  const recordReport = await recording.eject();
  expect(recordReport.recorded).toBe(1);

  const replaying = await useCassette('module-load', { dir, mode: 'replay' });
  const replayed = await moduleClient.chat.completions.create(params);
  const replayReport = await replaying.eject();

  expect(replayed).toEqual(recorded);
  expect(replayReport.replayed).toBe(1);
  expect(server.received).toHaveLength(1);
});
