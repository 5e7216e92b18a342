import { type CassetteOptions, CassetteSession } from './cassette-session.ts';
import { activate, deactivate, runInCassette } from './context.ts';
import { installInterceptor } from './interceptor.ts';
import { resolveMode } from './mode.ts';

/**
 * Under a test runner the interceptor goes in as soon as llm-cassette is imported, so SDK clients
 * constructed at module load (before any cassette starts) are intercepted too. Elsewhere (an app
 * importing `extractMetadata` in production) fetch is left alone until a cassette is used.
 */
function underTestRunner(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.VITEST || env.JEST_WORKER_ID || env.NODE_ENV === 'test' || env.LLM_CASSETTE_MODE,
  );
}
if (underTestRunner(process.env)) installInterceptor();

/**
 * Starts a cassette: `await useCassette('name', { dir: 'cassettes' })`, then make the calls, then
 * `await cassette.eject()` (or `await using cassette = await useCassette(...)`).
 * The cassette is bound to the caller's async context, so concurrent tests each get their own.
 */
export function useCassette(name: string, options: CassetteOptions = {}): Promise<CassetteSession> {
  const mode = resolveMode(options.mode);
  installInterceptor();
  const session = new CassetteSession(name, mode, options);
  // Bound synchronously, before any await, so the binding lands in the caller's async context.
  activate(session);
  return session.ready.then(
    () => session,
    (error: unknown) => {
      deactivate(session);
      throw error;
    },
  );
}

/** Runs `fn` with a cassette, ejecting it afterwards even when `fn` throws. */
export async function withCassette<T>(
  name: string,
  options: CassetteOptions,
  fn: (cassette: CassetteSession) => Promise<T>,
): Promise<T> {
  const mode = resolveMode(options.mode);
  installInterceptor();
  const session = new CassetteSession(name, mode, options);
  await session.ready;
  let result: T;
  try {
    result = await runInCassette(session, () => fn(session));
  } catch (error) {
    await session.eject().catch(() => undefined);
    throw error;
  }
  await session.eject();
  return result;
}
