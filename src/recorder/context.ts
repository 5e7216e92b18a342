import { AsyncLocalStorage } from 'node:async_hooks';

/** The part of a cassette the interceptor needs; kept minimal so this file has no cycle. */
export interface ActiveCassette {
  readonly name: string;
  readonly intercepts: boolean;
}

/**
 * Which cassette a request belongs to is decided by the async context it was made in, never by a
 * process-wide "current cassette": two concurrent tests (`test.concurrent`), or two tests on the
 * same cassette, each see their own. A request made outside any cassette's context (a timer set
 * up elsewhere) falls back to the only active cassette, and is refused when there are several.
 */
const storage = new AsyncLocalStorage<ActiveCassette>();
const active = new Set<ActiveCassette>();

export type CassetteLookup =
  | { kind: 'none' }
  | { kind: 'found'; cassette: ActiveCassette }
  | { kind: 'ambiguous'; names: string[] };

export function activate(cassette: ActiveCassette): void {
  active.add(cassette);
  // Binds the cassette to the caller's async context from here on: `await useCassette()` in a
  // test makes every later await in that test see it.
  storage.enterWith(cassette);
}

export function runInCassette<T>(cassette: ActiveCassette, fn: () => T): T {
  active.add(cassette);
  return storage.run(cassette, fn);
}

export function deactivate(cassette: ActiveCassette): void {
  active.delete(cassette);
}

export function findCassette(): CassetteLookup {
  const own = storage.getStore();
  if (own && active.has(own)) return own.intercepts ? { kind: 'found', cassette: own } : none;
  const intercepting = [...active].filter((c) => c.intercepts);
  if (intercepting.length === 0) return none;
  if (intercepting.length === 1) return { kind: 'found', cassette: intercepting[0]! };
  return { kind: 'ambiguous', names: intercepting.map((c) => c.name) };
}

const none: CassetteLookup = { kind: 'none' };
