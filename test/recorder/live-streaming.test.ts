import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { expect, it } from 'vitest';
import { useCassette } from '../../src/index.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { readFixture } from '../support/fixtures.ts';
import { tempCassetteDir } from '../support/record-replay.ts';

it('hands each event to the caller as it arrives while recording, never buffering the stream', async () => {
  const events = readFixture('openai-chat-sse-usage-tool.response.sse').split(/(?<=\n\n)/);
  let releaseRest: () => void = () => undefined;
  const rest = new Promise<void>((resolve) => {
    releaseRest = resolve;
  });
  // The stand-in sends the first event, then holds the rest until the caller has seen it.
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(events[0]);
      await rest;
      for (const event of events.slice(1)) res.write(event);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;

  const dir = tempCassetteDir();
  const cassette = await useCassette('live', { dir, mode: 'record' });
  const stream = await new OpenAI({ apiKey: 'test-key', baseURL }).chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'What is the capital of the UK?' }],
    stream: true,
  });
  const iterator = stream[Symbol.asyncIterator]();
  const first = await Promise.race([
    iterator.next(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('first event held back')), 5000)),
  ]);
  expect(first).toMatchObject({ done: false });
  releaseRest();
  let count = 1;
  while (!(await iterator.next()).done) count++;
  await cassette.eject();
  server.close();

  const dataEvents = parseSseText(events.join('')).filter(
    (m) => m.kind === 'event' && m.data !== '[DONE]',
  );
  expect(count).toBe(dataEvents.length);
});
