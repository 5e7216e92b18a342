import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { Cassette } from '../../src/cassette/format.ts';
import { InvalidModeError, resolveMode, useCassette } from '../../src/index.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';
import { tempCassetteDir } from '../support/record-replay.ts';

describe('resolveMode', () => {
  it('defaults to auto on a developer machine and replay whenever CI is set', () => {
    expect(resolveMode(undefined, {})).toBe('auto');
    expect(resolveMode(undefined, { CI: 'true' })).toBe('replay');
    expect(resolveMode(undefined, { CI: '1' })).toBe('replay');
  });
  it('lets LLM_CASSETTE_MODE override the default, and an explicit option override both', () => {
    expect(resolveMode(undefined, { CI: 'true', LLM_CASSETTE_MODE: 'record' })).toBe('record');
    expect(resolveMode('passthrough', { LLM_CASSETTE_MODE: 'record' })).toBe('passthrough');
  });
  it('rejects an unknown mode, naming the variable and the valid modes', () => {
    expect(() => resolveMode(undefined, { LLM_CASSETTE_MODE: 'recrod' })).toThrow(InvalidModeError);
    expect(() => resolveMode(undefined, { LLM_CASSETTE_MODE: 'recrod' })).toThrow(
      /LLM_CASSETTE_MODE.*replay, record, auto, passthrough/,
    );
  });
});

const text = loadCase('openai-chat-json-text-2')
  .request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
const other = { ...text, messages: [{ role: 'user' as const, content: 'And of Spain?' }] };

describe('modes against a stand-in provider', () => {
  it('auto replays what is recorded, records what is missing and appends it', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    const openai = new OpenAI({ apiKey: 'test-key', baseURL: `${server.origin}/v1` });
    server.serve('openai-chat-json-cache-miss', 'openai-chat-json-cache-hit');

    const first = await useCassette('auto', { dir, mode: 'auto' });
    const a = await openai.chat.completions.create(text);
    expect((await first.eject()).recorded).toBe(1);

    const second = await useCassette('auto', { dir, mode: 'auto' });
    const again = await openai.chat.completions.create(text);
    const b = await openai.chat.completions.create(other);
    const report = await second.eject();
    await server.stop();

    expect(again).toEqual(a);
    expect(report).toMatchObject({ replayed: 1, recorded: 1 });
    expect(server.received).toHaveLength(2);
    const cassette = JSON.parse(readFileSync(join(dir, 'auto.json'), 'utf8')) as Cassette;
    expect(cassette.interactions.map((i) => (i.response.body as { id: string }).id)).toEqual([
      a.id,
      b.id,
    ]);
  });

  it('passthrough reaches the network and writes nothing', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    server.serve('openai-chat-json-text-2');
    const cassette = await useCassette('pass', { dir, mode: 'passthrough' });
    await new OpenAI({
      apiKey: 'test-key',
      baseURL: `${server.origin}/v1`,
    }).chat.completions.create(text);
    const report = await cassette.eject();
    await server.stop();
    expect(server.received).toHaveLength(1);
    expect(report.written).toBe(false);
    expect(existsSync(join(dir, 'pass.json'))).toBe(false);
  });

  it('leaves requests that are not LLM API calls alone', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    server.serve('openai-chat-json-text-2');
    const cassette = await useCassette('other-service', { dir, mode: 'replay' });
    const res = await fetch(`${server.origin}/health`);
    await cassette.eject();
    await server.stop();
    expect(res.status).toBe(200);
    expect(server.received.map((r) => r.url)).toEqual(['/health']);
  });

  it('replay mode refuses a request without a recording, naming the cassette', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    const openai = new OpenAI({
      apiKey: 'test-key',
      baseURL: `${server.origin}/v1`,
      maxRetries: 2,
    });
    server.serve('openai-chat-json-text-2');
    const recording = await useCassette('miss', { dir, mode: 'record' });
    await openai.chat.completions.create(text);
    await recording.eject();

    const replaying = await useCassette('miss', { dir, mode: 'replay' });
    const error = await openai.chat.completions.create(other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain(join(dir, 'miss.json'));
    await expect(replaying.eject()).rejects.toThrow(/no recorded interaction/);
    await server.stop();
    // The SDK did not retry the miss, and nothing reached the provider in replay.
    expect(server.received).toHaveLength(1);
  });
});
