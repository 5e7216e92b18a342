import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { type ActiveCassette, findCassette } from './context.ts';
import { errorResponse } from './error-response.ts';

/** What the cassette decided for one request: answer it, or leave it alone. */
export type RequestOutcome = { kind: 'ignore' } | { kind: 'respond'; response: Response };

export interface InterceptingCassette extends ActiveCassette {
  handle(request: Request): Promise<RequestOutcome>;
}

let interceptor: FetchInterceptor | undefined;

/** Marks a cassette's own upstream call while recording, which must reach the network. */
export const UPSTREAM_MARKER = 'x-llm-cassette-upstream';
/** msw's marker for the same (`bypass()`): set too, so a running msw server lets it through. */
const MSW_PASSTHROUGH = /(,\s*)?msw\/passthrough/;

/**
 * Removes the markers of an upstream call. msw's own marker is
 * left for msw to remove when an msw server shares the interceptor (it checks for it after us).
 */
function takeUpstreamMarker(request: Request, sharedWithOthers: boolean): void {
  request.headers.delete(UPSTREAM_MARKER);
  const accept = request.headers.get('accept');
  if (!sharedWithOthers && accept !== null) {
    const rest = accept.replace(MSW_PASSTHROUGH, '');
    if (rest) request.headers.set('accept', rest);
    else request.headers.delete('accept');
  }
}

/** How many request listeners share the interceptor (msw's `setupServer` adds its own). */
function requestListenerCount(instance: FetchInterceptor): number {
  const emitter = Reflect.get(instance, 'emitter') as { listenerCount(event: string): number };
  return emitter.listenerCount('request');
}

/**
 * Installs the fetch interceptor once per process (msw's engine; a running msw `setupServer`
 * shares the same patched fetch, and each sees the requests the other leaves alone).
 * SDK clients keep the `fetch` they saw when constructed, so this must run before a client made
 * at module load: `llm-cassette/register` and the vitest entry call it at import.
 */
export function installInterceptor(): void {
  if (interceptor) return;
  const active = new FetchInterceptor();
  interceptor = active;
  active.apply();
  active.on('request', async ({ request, controller }) => {
    // A cassette's own upstream call while recording: let it through to the network.
    if (request.headers.has(UPSTREAM_MARKER)) {
      takeUpstreamMarker(request, requestListenerCount(active) > 1);
      return;
    }
    const lookup = findCassette();
    if (lookup.kind === 'none') return;
    if (lookup.kind === 'ambiguous') {
      controller.respondWith(
        errorResponse(
          'ambiguous_cassette',
          `${request.method} ${request.url} was made outside any cassette's async context while ` +
            `${lookup.names.length} cassettes are active (${lookup.names.join(', ')}). Make the ` +
            'call inside the test that uses the cassette, or wrap it in withCassette().',
        ),
      );
      return;
    }
    const outcome = await (lookup.cassette as InterceptingCassette).handle(request);
    if (outcome.kind === 'respond') controller.respondWith(outcome.response);
  });
}

/** Removes the interceptor again: for benchmarks that compare interception layers in one process. */
export function uninstallInterceptor(): void {
  interceptor?.dispose();
  interceptor = undefined;
}
