/**
 * An SDK call replayed by llm-cassette against the same call answered by (a) a minimal msw
 * handler, (b) a bare @mswjs/interceptors FetchInterceptor, (c) Polly.js replaying from disk;
 * for a non-stream call and a 2,000-event stream. Targets: faster than Polly.js, ≤ 1.3 × (b).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import FetchAdapter from '@pollyjs/adapter-fetch';
import { Polly } from '@pollyjs/core';
import FSPersister from '@pollyjs/persister-fs';
import { type HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { bench, describe } from 'vitest';
import type { CassetteSession } from '../src/index.ts';
import { useCassette } from '../src/index.ts';
import { installInterceptor, uninstallInterceptor } from '../src/recorder/interceptor.ts';
import { REAL_FIXTURES_DIR } from '../test/support/fixtures.ts';
import { type Contender, sideBySide } from './support/side-by-side.ts';

// The packages' type declarations do not describe their default exports as classes.
Polly.register(FetchAdapter as never);
Polly.register(FSPersister as never);

const ORIGIN = 'http://127.0.0.1:9';
const dir = mkdtempSync(join(tmpdir(), 'llm-cassette-bench-'));

/** A real non-stream body, and a 2,000-event stream made of a real stream's content chunks. */
const jsonBody = readFileSync(`${REAL_FIXTURES_DIR}openai-chat-json-text-2.response.json`, 'utf8');
const realEvents = readFileSync(
  `${REAL_FIXTURES_DIR}openai-chat-sse-usage-text.response.sse`,
  'utf8',
)
  .split('\n\n')
  .filter((e) => e.startsWith('data: {'));
const middle = realEvents.slice(1, -1);
const streamEvents = [realEvents[0]!];
while (streamEvents.length < 1998) streamEvents.push(middle[streamEvents.length % middle.length]!);
streamEvents.push(realEvents.at(-1)!, 'data: [DONE]');
const streamBody = `${streamEvents.join('\n\n')}\n\n`;

const params = {
  model: 'gpt-4o',
  messages: [{ role: 'user' as const, content: 'What is the capital of France?' }],
};
const scenarios = {
  'non-stream': { body: jsonBody, type: 'application/json', stream: false },
  '2,000-event stream': { body: streamBody, type: 'text/event-stream', stream: true },
} as const;

async function call(client: OpenAI, stream: boolean): Promise<void> {
  if (!stream) {
    await client.chat.completions.create(params);
    return;
  }
  const chunks = await client.chat.completions.create({ ...params, stream: true });
  for await (const _ of chunks) {
    // Consume every event, as an app does.
  }
}

const newClient = () => new OpenAI({ apiKey: 'bench', baseURL: `${ORIGIN}/v1`, maxRetries: 0 });

// Record each scenario once through llm-cassette (its upstream answers with the body above) and
// through Polly.js (a bare interceptor standing in for the network). Top-level: bench mode runs
// no beforeAll hooks.
for (const [name, scenario] of Object.entries(scenarios)) {
  const answer = () => new Response(scenario.body, { headers: { 'content-type': scenario.type } });
  const recording = await useCassette(name, {
    dir,
    mode: 'record',
    upstream: async () => answer(),
  });
  await call(newClient(), scenario.stream);
  await recording.eject();
}
uninstallInterceptor();
for (const [name, scenario] of Object.entries(scenarios)) {
  const network = new FetchInterceptor();
  network.apply();
  network.on('request', ({ controller }) =>
    controller.respondWith(
      new Response(scenario.body, { headers: { 'content-type': scenario.type } }),
    ),
  );
  const polly = new Polly(`polly-${name}`, {
    adapters: ['fetch'],
    adapterOptions: { fetch: { context: globalThis } },
    persister: 'fs',
    persisterOptions: { fs: { recordingsDir: dir } },
    mode: 'record',
    logLevel: 'silent',
    matchRequestsBy: { headers: false, order: false },
  });
  await call(newClient(), scenario.stream);
  await polly.stop();
  network.dispose();
}

function contenders(
  name: string,
  scenario: (typeof scenarios)[keyof typeof scenarios],
): Contender[] {
  const answer = () => new Response(scenario.body, { headers: { 'content-type': scenario.type } });
  const run = (client: OpenAI) => () => call(client, scenario.stream);
  let cassette: CassetteSession | undefined;
  let server: ReturnType<typeof setupServer> | undefined;
  let bare: FetchInterceptor | undefined;
  let polly: Polly | undefined;
  return [
    {
      name: 'llm-cassette (replay from cassette)',
      setup: async () => {
        installInterceptor();
        cassette = await useCassette(name, {
          dir,
          mode: 'replay',
          match: { allowPlaybackRepeats: true },
        });
        return run(newClient());
      },
      teardown: async () => {
        await cassette?.eject();
        uninstallInterceptor();
      },
    },
    {
      name: '(a) minimal msw handler',
      setup: () => {
        server = setupServer(
          http.post('*/chat/completions', () => answer() as HttpResponse<string>),
        );
        server.listen();
        return run(newClient());
      },
      teardown: () => server?.close(),
    },
    {
      name: '(b) bare @mswjs/interceptors FetchInterceptor',
      target: '≤ 1.3 ×',
      setup: () => {
        bare = new FetchInterceptor();
        bare.apply();
        bare.on('request', ({ controller }) => controller.respondWith(answer()));
        return run(newClient());
      },
      teardown: () => bare?.dispose(),
    },
    {
      name: '(c) Polly.js replay (fetch adapter, fs persister)',
      target: '< 1 × (faster than Polly.js)',
      setup: () => {
        polly = new Polly(`polly-${name}`, {
          adapters: ['fetch'],
          adapterOptions: { fetch: { context: globalThis } },
          persister: 'fs',
          persisterOptions: { fs: { recordingsDir: dir } },
          mode: 'replay',
          recordIfMissing: false,
          logLevel: 'silent',
          matchRequestsBy: { headers: false, order: false },
        });
        return run(newClient());
      },
      teardown: async () => {
        await polly?.stop();
      },
    },
  ];
}

describe('replay speed, side by side', () => {
  for (const [name, scenario] of Object.entries(scenarios)) {
    bench(
      `${name} SDK call`,
      async () => {
        await sideBySide(`Replay of a ${name} SDK call`, contenders(name, scenario), {
          subject: 'llm-cassette (replay from cassette)',
          callsPerRound: scenario.stream ? 10 : 200,
        });
      },
      // One pass: the comparison does its own rounds and warm-up.
      { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
    );
  }
});
