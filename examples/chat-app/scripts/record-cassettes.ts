/**
 * Re-records this example's cassettes inside the llm-cassette repository, which has no provider
 * keys: each test runs in record mode (`LLM_CASSETTE_MODE=record npx vitest run -t ...`, as a
 * user re-records), and test/setup.ts sends its calls to a loopback stand-in that answers with
 * the bytes of real provider recordings (test/fixtures/real, see its README). The SDKs call the
 * providers' URLs, which is what the cassettes keep.
 *
 *   node --import tsx examples/chat-app/scripts/record-cassettes.ts
 *
 * With real keys you need none of this: `LLM_CASSETTE_MODE=record npx vitest run` in the app.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ProviderServer } from '../../../test/support/provider-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));

/** Each test, and the real recordings that answer its calls, in the order it makes them. */
const PLAN: Array<{ test: string; answers: string[] }> = [
  { test: '^the chat route passthrough', answers: ['openai-chat-sse-usage-text'] },
  { test: '^the chat route reasoning', answers: ['anthropic-messages-sse-thinking'] },
  {
    test: '^the chat route orchestration',
    answers: ['openai-chat-json-tool', 'openai-chat-json-text-2'],
  },
  {
    test: '^the messages table sums',
    answers: ['openai-chat-json-tool', 'openai-chat-json-text-2'],
  },
];

for (const { test, answers } of PLAN) {
  const server = await ProviderServer.start();
  server.serve(...answers);
  // Asynchronous: the stand-in answers from this process while vitest runs.
  const child = spawn(
    process.execPath,
    [vitest, 'run', '--root', root, 'test/chat-route.test.ts', '-t', test],
    {
      env: { ...process.env, LLM_CASSETTE_MODE: 'record', CHAT_APP_STAND_IN: server.origin },
      stdio: 'inherit',
    },
  );
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  await server.stop();
  if (status !== 0) throw new Error(`recording "${test}" failed (exit ${status})`);
  if (server.received.length !== answers.length) {
    throw new Error(`"${test}" made ${server.received.length} calls; expected ${answers.length}`);
  }
}
