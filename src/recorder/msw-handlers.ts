import { type HttpHandler, http } from 'msw';
import type { InterceptingCassette } from './interceptor.ts';

/**
 * The cassette as msw request handlers, for suites that already run their own `setupServer`:
 * `server.use(...cassette.handlers())`. Same modes and matching as the interceptor path; requests
 * the cassette does not take fall through to the suite's other handlers.
 */
export function cassetteHandlers(cassette: InterceptingCassette): HttpHandler[] {
  return [
    http.all('*', async ({ request }) => {
      // A clone: the cassette consumes the body it reads, and msw reads the request after us.
      const outcome = await cassette.handle(request.clone());
      return outcome.kind === 'respond' ? outcome.response : undefined;
    }),
  ];
}
