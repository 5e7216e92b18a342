import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Cassette } from '../../src/cassette/format.ts';
import { CassetteExpiredError, type CassetteOptions, useCassette } from '../../src/index.ts';
import { REPO_ROOT } from '../support/cli-process.ts';
import { loadCase, ProviderServer } from '../support/provider-server.ts';
import { tempCassetteDir } from '../support/record-replay.ts';

const request = loadCase('openai-chat-json-text-2')
  .request as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
const LONG_AGO = '2025-01-15T10:00:00.000Z';

/** A stand-in provider that serves one real recording as often as asked. */
async function standIn() {
  const server = await ProviderServer.start();
  server.serve(...Array(3).fill('openai-chat-json-text-2'));
  const openai = new OpenAI({ apiKey: 'test-key', baseURL: `${server.origin}/v1` });
  servers.push(server);
  return { server, openai };
}
const servers: ProviderServer[] = [];

/** Records one real call into `dir/name.json`, then back-dates it as if recorded long ago. */
async function staleCassette(openai: OpenAI, dir: string, name: string): Promise<string> {
  const cassette = await useCassette(name, { dir, mode: 'record' });
  await openai.chat.completions.create(request);
  await cassette.eject();
  const path = join(dir, `${name}.json`);
  const stored = JSON.parse(readFileSync(path, 'utf8')) as Cassette;
  for (const interaction of stored.interactions) interaction.recorded_at = LONG_AGO;
  writeFileSync(path, `${JSON.stringify(stored, null, 2)}\n`);
  return path;
}

/** Makes the call again under the cassette with the given expiry rules. */
async function callAgain(
  { server, openai }: Awaited<ReturnType<typeof standIn>>,
  dir: string,
  options: CassetteOptions,
) {
  const before = server.received.length;
  const cassette = await useCassette('old', { dir, ...options });
  await openai.chat.completions.create(request);
  return { report: await cassette.eject(), networkCalls: server.received.length - before };
}

describe('expired cassettes (expiresIn / onExpired)', () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  it('warn: replays the old recording and says that it expired', async () => {
    const dir = tempCassetteDir();
    const provider = await standIn();
    await staleCassette(provider.openai, dir, 'old');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { report, networkCalls } = await callAgain(provider, dir, {
      mode: 'auto',
      expiresIn: '30d',
      onExpired: 'warn',
    });
    expect(networkCalls).toBe(0);
    expect(report).toMatchObject({ mode: 'auto', replayed: 1, recorded: 0, expired: true });
    expect(warn.mock.calls.join('\n')).toMatch(
      /old\.json expired on 2025-02-14.*LLM_CASSETTE_MODE=record/,
    );
  });

  it('fail: the cassette refuses to start, naming the file and how to re-record', async () => {
    const dir = tempCassetteDir();
    const provider = await standIn();
    await staleCassette(provider.openai, dir, 'old');
    const started = useCassette('old', {
      dir,
      mode: 'replay',
      expiresIn: '30d',
      onExpired: 'fail',
    });
    await expect(started).rejects.toThrow(CassetteExpiredError);
    await expect(started).rejects.toThrow(/old\.json expired on 2025-02-14T10:00:00\.000Z/);
  });

  it('rerecord in auto mode: records afresh as if the cassette were missing', async () => {
    const dir = tempCassetteDir();
    const provider = await standIn();
    const path = await staleCassette(provider.openai, dir, 'old');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { report, networkCalls } = await callAgain(provider, dir, {
      mode: 'auto',
      expiresIn: '30d',
      onExpired: 'rerecord',
    });
    expect(networkCalls).toBe(1);
    expect(report).toMatchObject({ mode: 'record', recorded: 1, replayed: 0, written: true });
    const rewritten = JSON.parse(readFileSync(path, 'utf8')) as Cassette;
    expect(rewritten.interactions).toHaveLength(1);
    expect(Date.parse(rewritten.interactions[0]!.recorded_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('rerecord in replay mode (CI): never the network, replays and warns', async () => {
    const dir = tempCassetteDir();
    const provider = await standIn();
    await staleCassette(provider.openai, dir, 'old');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { report, networkCalls } = await callAgain(provider, dir, {
      mode: 'replay',
      expiresIn: '30d',
      onExpired: 'rerecord',
    });
    expect(networkCalls).toBe(0);
    expect(report).toMatchObject({ mode: 'replay', replayed: 1, expired: true });
    expect(warn.mock.calls.join('\n')).toMatch(/re-recorded on the next run in auto mode/);
  });

  it('a cassette within its expiresIn replays quietly', async () => {
    const dir = tempCassetteDir();
    const provider = await standIn();
    await staleCassette(provider.openai, dir, 'old');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { report } = await callAgain(provider, dir, {
      mode: 'replay',
      expiresIn: '100000d',
      onExpired: 'fail',
    });
    expect(report).toMatchObject({ replayed: 1, expired: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it("takes cassettesDir, expiresIn and onExpired from the project's llm-cassette.config.json", async () => {
    const project = tempCassetteDir();
    await staleCassette((await standIn()).openai, join(project, 'recorded'), 'old');
    writeFileSync(
      join(project, 'llm-cassette.config.json'),
      JSON.stringify({ cassettesDir: 'recorded', expiresIn: '30d', onExpired: 'fail' }),
    );
    const entry = pathToFileURL(join(REPO_ROOT, 'dist', 'index.js')).href;
    const script = `
      const { useCassette } = await import(${JSON.stringify(entry)});
      try { await useCassette('old', { mode: 'replay' }); console.log('started'); }
      catch (error) { console.log(error.code, error.message.split('\\n')[0]); }
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: project, env: { ...process.env, CI: '' } },
    );
    expect(stdout).toMatch(
      /^cassette_expired Cassette recorded[/\\]old\.json expired on 2025-02-14/,
    );
  });
});
