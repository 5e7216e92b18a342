import { HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useCassette } from '../../src/index.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';
import { tempCassetteDir } from '../support/record-replay.ts';

// A suite that already mocks its other services with msw.
const userServer = setupServer(
  http.get('http://billing.internal/quota', () => HttpResponse.json({ remaining: 41 })),
);
beforeAll(() => userServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => userServer.close());

const params = loadCase('openai-chat-json-text-2')
  .request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;

it('hands the cassette to an existing msw server: same recording, same replay', async () => {
  const dir = tempCassetteDir();
  const provider = await ProviderServer.start();
  provider.serve('openai-chat-json-text-2');
  const openai = new OpenAI({ apiKey: 'test-key', baseURL: `${provider.origin}/v1` });

  const recording = await useCassette('msw', { dir, mode: 'record', intercept: false });
  userServer.use(...recording.handlers());
  const recorded = await openai.chat.completions.create(params);
  expect(await (await fetch('http://billing.internal/quota')).json()).toEqual({ remaining: 41 });
  await recording.eject();
  userServer.resetHandlers();
  await provider.stop();

  // Replay through the msw server, and through the cassette's own interceptor, side by side.
  const viaMsw = await useCassette('msw', { dir, mode: 'replay', intercept: false });
  userServer.use(...viaMsw.handlers());
  const replayedViaMsw = await openai.chat.completions.create(params);
  expect(await (await fetch('http://billing.internal/quota')).json()).toEqual({ remaining: 41 });
  await viaMsw.eject();
  userServer.resetHandlers();

  // With the cassette's own interceptor, msw only has to let LLM calls through.
  userServer.use(http.post('*/v1/chat/completions', () => passthrough()));
  const viaInterceptor = await useCassette('msw', { dir, mode: 'replay' });
  const replayedViaInterceptor = await openai.chat.completions.create(params);
  expect(await (await fetch('http://billing.internal/quota')).json()).toEqual({ remaining: 41 });
  await viaInterceptor.eject();

  expect(replayedViaMsw).toEqual(recorded);
  expect(replayedViaInterceptor).toEqual(recorded);
  expect(provider.received).toHaveLength(1);
});
