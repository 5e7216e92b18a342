import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { type ActiveCassette, findCassette } from './context.ts';
import { errorResponse } from './error-response.ts';

/** What the cassette decided for one request: answer it, or leave it alone. */
export type RequestOutcome = { kind: 'ignore' } | { kind: 'respond'; response: Response };

export interface InterceptingCassette extends ActiveCassette {
  handle(request: Request): Promise<RequestOutcome>;
}

let interceptor: FetchInterceptor | undefined;

/** msw's marker for a request that must reach the network (`bypass()`); we honour it too. */
const PASSTHROUGH = /(,\s*)?msw\/passthrough/;

function takePassthroughMarker(request: Request): boolean {
  const accept = request.headers.get('accept');
  if (accept === null || !PASSTHROUGH.test(accept)) return false;
  const rest = accept.replace(PASSTHROUGH, '');
  if (rest) request.headers.set('accept', rest);
  else request.headers.delete('accept');
  return true;
}

/**
 * Installs the fetch interceptor once per process (msw's engine; a running msw `setupServer`
 * shares the same patched fetch, and each sees the requests the other leaves alone).
 * SDK clients keep the `fetch` they saw when constructed, so this must run before a client made
 * at module load: `llm-cassette/register` and the vitest entry call it at import.
 */
export function installInterceptor(): void {
  if (interceptor) return;
  interceptor = new FetchInterceptor();
  interceptor.apply();
  interceptor.on('request', async ({ request, controller }) => {
    // A cassette's own upstream call while recording: let it through to the network.
    if (takePassthroughMarker(request)) return;
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
