import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CassetteSchema } from '../../src/cassette/format.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { runCliProcess, tempProject } from '../support/cli-process.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';

const KEYS = { OPENAI_API_KEY: 'test-key', ANTHROPIC_API_KEY: 'test-key' };

async function readCassetteFile(path: string) {
  return CassetteSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}

describe('llm-cassette record SCENARIO.json', () => {
  let server: ProviderServer;
  let root: string;

  beforeEach(async () => {
    server = await ProviderServer.start();
    root = await tempProject();
  });
  afterEach(async () => {
    await server.stop();
  });

  it('makes each call through the official SDKs and writes the cassettes the scenario names', async () => {
    const chat = loadCase('openai-chat-json-text-2');
    const chatStream = loadCase('openai-chat-sse-usage-tool');
    const anthropic = loadCase('anthropic-messages-sse-text-1');
    const refused = loadCase('openai-chat-error-400');
    server.serve(
      'openai-chat-json-text-2',
      'openai-chat-sse-usage-tool',
      'anthropic-messages-sse-text-1',
      'openai-chat-error-400',
    );
    const scenario = {
      description: 'explore both SDKs',
      calls: [
        { cassette: 'openai-chat', provider: 'openai', params: chat.request },
        { cassette: 'openai-chat', provider: 'openai', stream: true, params: chatStream.request },
        { cassette: 'anthropic-stream', provider: 'anthropic', params: anthropic.request },
        {
          cassette: 'openai-refused',
          provider: 'openai',
          params: refused.request,
          expectStatus: 400,
        },
      ],
    };
    await writeFile(join(root, 'scenario.json'), JSON.stringify(scenario));

    const run = await runCliProcess(
      ['record', 'scenario.json', '--base-url', `${server.origin}/v1`, '--json'],
      { cwd: root, env: KEYS },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.cassettes).toEqual([
      { name: 'openai-chat', path: 'cassettes/openai-chat.json', recorded: 2 },
      { name: 'anthropic-stream', path: 'cassettes/anthropic-stream.json', recorded: 1 },
      { name: 'openai-refused', path: 'cassettes/openai-refused.json', recorded: 1 },
    ]);
    expect(out.calls.map((c: { status: number; ok: boolean }) => [c.status, c.ok])).toEqual([
      [200, true],
      [200, true],
      [200, true],
      [400, true],
    ]);

    // What the stand-in received is what the SDKs sent, with the key from the environment.
    expect(server.received.map((r) => r.url)).toEqual([
      '/v1/chat/completions',
      '/v1/chat/completions',
      '/v1/v1/messages',
      '/v1/chat/completions',
    ]);
    expect(server.received[0]!.headers.authorization).toBe('Bearer test-key');

    const openaiCassette = await readCassetteFile(join(root, 'cassettes/openai-chat.json'));
    const [json, stream] = openaiCassette.interactions;
    expect(json!.request.body).toEqual(chat.request);
    expect(json!.request.headers.authorization).toBe('[REDACTED]');
    expect(json!.response.body).toEqual(JSON.parse(chat.body.toString('utf8')));
    expect(stream!.response.body_format).toBe('sse');
    expect(stream!.response.events!.length).toBe(parseSseText(chatStream.body.toString()).length);

    const anthropicCassette = await readCassetteFile(join(root, 'cassettes/anthropic-stream.json'));
    expect(anthropicCassette.interactions[0]!.request.url).toBe(`${server.origin}/v1/v1/messages`);
    expect(anthropicCassette.interactions[0]!.request.headers.authorization).toBe('[REDACTED]');

    const refusedCassette = await readCassetteFile(join(root, 'cassettes/openai-refused.json'));
    expect(refusedCassette.interactions[0]!.response.status).toBe(400);
  });

  it('prints one line per call and the cassettes written; an unexpected error status exits 1', async () => {
    server.serve('openai-chat-error-400');
    const { request } = loadCase('openai-chat-error-400');
    await writeFile(
      join(root, 'scenario.json'),
      JSON.stringify({
        dir: 'recorded',
        calls: [{ cassette: 'oops', provider: 'openai', params: request }],
      }),
    );
    const run = await runCliProcess(['record', 'scenario.json', '--base-url', server.origin], {
      cwd: root,
      env: KEYS,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ oops: openai chat.completions');
    expect(run.stdout).toContain('→ 400');
    expect(run.stdout).toContain('wrote recorded/oops.json (1 interactions)');
    expect(run.stdout).toContain('1 call(s) failed');
  });

  it('refuses to start without the API key, before making any call (exit 2)', async () => {
    await writeFile(
      join(root, 'scenario.json'),
      JSON.stringify({ calls: [{ cassette: 'a', provider: 'anthropic', params: {} }] }),
    );
    const run = await runCliProcess(['record', 'scenario.json'], {
      cwd: root,
      env: { ANTHROPIC_API_KEY: undefined },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs an API key in ANTHROPIC_API_KEY');
    expect(server.received).toHaveLength(0);
  });

  it('names every problem of an invalid scenario file (exit 2)', async () => {
    await writeFile(
      join(root, 'scenario.json'),
      JSON.stringify({ calls: [{ provider: 'openai', api: 'completions', params: {} }] }),
    );
    const run = await runCliProcess(['record', 'scenario.json'], { cwd: root, env: KEYS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Scenario file scenario.json is invalid');
    expect(run.stderr).toContain('calls.0.cassette');
    expect(run.stderr).toContain('calls.0.api');
  });

  it('asks for a base URL for a provider it does not know', async () => {
    await writeFile(
      join(root, 'scenario.json'),
      JSON.stringify({ calls: [{ cassette: 'a', provider: 'acme', params: {} }] }),
    );
    const run = await runCliProcess(['record', 'scenario.json'], {
      cwd: root,
      env: { ACME_API_KEY: 'x' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Give the call a "baseURL"');
  });
});
