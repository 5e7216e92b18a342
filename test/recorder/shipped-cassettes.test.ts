import { readdirSync } from 'node:fs';
import net from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { readCassette } from '../../src/cassette/store.ts';
import { useCassette } from '../../src/index.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import type { ProviderApi } from '../../src/usage/normalized.ts';
import { loadCase } from '../support/provider-server.ts';
import { callThroughSdk, drain } from '../support/sdk-call.ts';

const DIR = 'cassettes';
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

function apiOf(url: string): ProviderApi {
  const { pathname } = new URL(url);
  if (pathname.endsWith('/messages')) return 'messages';
  if (pathname.endsWith('/responses')) return 'responses';
  return 'chat.completions';
}

describe('the cassettes shipped in cassettes/', () => {
  it('cover every real recording in test/fixtures/real', () => {
    const fixtures = readdirSync('test/fixtures/real')
      .filter((f) => f.endsWith('.meta.json'))
      .map((f) => f.slice(0, -'.meta.json'.length));
    expect(names.sort()).toEqual(fixtures.sort());
  });

  for (const name of names) {
    it(`${name}: holds the real response and replays it offline through the SDK`, async () => {
      const cassette = (await readCassette(`${DIR}/${name}.json`))!;
      const [interaction] = cassette.interactions;
      const { meta, body } = loadCase(name);
      // The response is the real recording's, value for value.
      expect(interaction!.response.status).toBe(meta.status);
      if (meta.stream) {
        const events = parseSseText(body.toString('utf8')).filter((m) => m.kind === 'event');
        const recorded = interaction!.response.events!.filter((e) => e.comment === undefined);
        expect(recorded.map((e) => e.json ?? e.data)).toEqual(
          events.map((e) => {
            try {
              return JSON.parse(e.data);
            } catch {
              return e.data;
            }
          }),
        );
      } else {
        expect(interaction!.response.body).toEqual(JSON.parse(body.toString('utf8')));
      }

      // Replaying it through the SDK opens no socket.
      const connect = vi.spyOn(net.Socket.prototype, 'connect');
      const replaying = await useCassette(name, { dir: DIR, mode: 'replay', strict: true });
      const request = interaction!.request;
      try {
        await drain(
          await callThroughSdk(
            apiOf(request.url),
            new URL(request.url),
            request.body as Record<string, unknown>,
          ),
        );
      } catch (error) {
        // Error responses replay as the SDK error of their recorded status.
        if (meta.status >= 400) expect((error as { status?: number }).status).toBe(meta.status);
        else if (!/error|terminated/i.test(String(error))) throw error;
      }
      const report = await replaying.eject();
      expect(connect).not.toHaveBeenCalled();
      connect.mockRestore();
      expect(report.replayed).toBe(1);
    });
  }
});
