import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Cassette } from '../../src/cassette/format.ts';
import { type CassetteOptions, useCassette } from '../../src/index.ts';
import { ProviderServer, type ServedCase } from './provider-server.ts';

export function tempCassetteDir(): string {
  return mkdtempSync(join(tmpdir(), 'llm-cassette-test-'));
}

export interface RecordReplayRun<T> {
  recorded: T;
  replayed: T;
  cassette: Cassette;
  /** Sockets opened while replaying: must be zero. */
  replaySockets: number;
  server: ProviderServer;
}

/**
 * Records `call` against a stand-in provider serving real recordings, stops the server, then
 * replays the same call from the cassette with socket creation watched.
 */
export async function recordThenReplay<T>(
  cases: Array<ServedCase | string>,
  call: (baseURL: string) => Promise<T>,
  options: CassetteOptions = {},
): Promise<RecordReplayRun<T>> {
  const dir = options.dir ?? tempCassetteDir();
  const server = await ProviderServer.start();
  server.serve(...cases);
  const baseURL = `${server.origin}/v1`;

  const recording = await useCassette('run', { ...options, dir, mode: 'record' });
  const recorded = await settle(call(baseURL));
  await recording.eject();
  await server.stop();

  const connect = vi.spyOn(net.Socket.prototype, 'connect');
  const replaying = await useCassette('run', { ...options, dir, mode: 'replay' });
  const replayed = await settle(call(baseURL));
  await replaying.eject();
  const replaySockets = connect.mock.calls.length;
  connect.mockRestore();

  const cassette = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Cassette;
  return { recorded: recorded as T, replayed: replayed as T, cassette, replaySockets, server };
}

/** A thrown error becomes a comparable value, so error paths are compared like results. */
async function settle<T>(promise: Promise<T>): Promise<T | { thrown: unknown }> {
  try {
    return await promise;
  } catch (error) {
    return { thrown: describeThrown(error) };
  }
}

function describeThrown(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const e = error as Error & { status?: number; error?: unknown; headers?: Headers };
  return { name: e.name, message: e.message, status: e.status, error: e.error };
}
