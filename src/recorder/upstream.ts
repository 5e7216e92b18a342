/**
 * An `upstream` for `useCassette` that sends each request to `origin` (a stand-in server, a
 * gateway, a local proxy) with its path, query, method, headers and body as they were, while the
 * cassette keeps the URL the client called: `useCassette('chat', { upstream: upstreamAt(url) })`.
 */
export function upstreamAt(origin: string | URL): (request: Request) => Promise<Response> {
  const target = new URL(origin);
  return (request) => {
    const to = new URL(request.url);
    to.protocol = target.protocol;
    to.host = target.host;
    return fetch(new Request(to, request));
  };
}
