import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { Cassette } from '../../src/cassette/format.ts';
import {
  InvalidModeError,
  NoMatchError,
  resolveMode,
  SecretInCassetteError,
  UnusedInteractionsError,
  useCassette,
} from '../../src/index.ts';
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
    expect((error as Error).message).toContain(
      'messages[0].content: recorded "What is the capital of France?" → requested "And of Spain?"',
    );
    // eject() raises it too, so a test fails even when the app swallowed the SDK error.
    await expect(replaying.eject()).rejects.toBeInstanceOf(NoMatchError);
    await server.stop();
    // The SDK did not retry the miss, and nothing reached the provider in replay.
    expect(server.received).toHaveLength(1);
  });
});

describe('secrets and strict mode', () => {
  it('never writes a cassette whose body holds a key, and says where it is', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    server.serve('openai-chat-json-text-2');
    const leaked = `sk-proj-${'A1b2C3d4'.repeat(6)}`;
    const cassette = await useCassette('leak', { dir, mode: 'record' });
    await new OpenAI({
      apiKey: 'test-key',
      baseURL: `${server.origin}/v1`,
    }).chat.completions.create({
      ...text,
      messages: [{ role: 'user', content: `my key is ${leaked}` }],
    });
    const error = await cassette.eject().catch((e: unknown) => e);
    await server.stop();
    expect(error).toBeInstanceOf(SecretInCassetteError);
    expect((error as Error).message).toContain('messages[0].content');
    expect((error as Error).message).not.toContain(leaked);
    expect(existsSync(join(dir, 'leak.json'))).toBe(false);
  });

  it('redacts the API key header and user-named headers on disk', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    server.serve('openai-chat-json-text-2');
    const cassette = await useCassette('redacted', {
      dir,
      mode: 'record',
      redact: { headers: ['x-team'] },
    });
    await new OpenAI({
      apiKey: 'test-key',
      baseURL: `${server.origin}/v1`,
      defaultHeaders: { 'x-team': 'payments' },
    }).chat.completions.create(text);
    await cassette.eject();
    await server.stop();
    const file = readFileSync(join(dir, 'redacted.json'), 'utf8');
    expect(file).not.toContain('test-key');
    expect(file).not.toContain('payments');
    const saved = JSON.parse(file) as Cassette;
    expect(saved.interactions[0]!.request.headers.authorization).toBe('[REDACTED]');
  });

  it('reports recordings a replay never used, and fails on them with strict', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    const openai = new OpenAI({ apiKey: 'test-key', baseURL: `${server.origin}/v1` });
    server.serve('openai-chat-json-cache-miss', 'openai-chat-json-cache-hit');
    const recording = await useCassette('unused', { dir, mode: 'record' });
    await openai.chat.completions.create(text);
    await openai.chat.completions.create(other);
    await recording.eject();
    await server.stop();

    const lenient = await useCassette('unused', { dir, mode: 'replay' });
    await openai.chat.completions.create(text);
    expect((await lenient.eject()).unused).toEqual([1]);

    const strict = await useCassette('unused', { dir, mode: 'replay', strict: true });
    await openai.chat.completions.create(text);
    await expect(strict.eject()).rejects.toBeInstanceOf(UnusedInteractionsError);
  });
});

describe('await using', () => {
  it('ejects the cassette when the scope ends', async () => {
    const dir = tempCassetteDir();
    const server = await ProviderServer.start();
    server.serve('openai-chat-json-text-2');
    {
      await using _cassette = await useCassette('scoped', { dir, mode: 'record' });
      await new OpenAI({
        apiKey: 'test-key',
        baseURL: `${server.origin}/v1`,
      }).chat.completions.create(text);
    }
    await server.stop();
    expect(existsSync(join(dir, 'scoped.json'))).toBe(true);
  });
});
