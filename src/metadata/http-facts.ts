/** What the record takes from the HTTP response besides its body. */
export interface HttpFacts {
  url: string | undefined;
  status: number;
  headers: Record<string, string>;
}

/**
 * The URL, status and headers of the fetch `Response` an SDK hands out with `.withResponse()`,
 * to spread into `extractMetadata({ request, response: data, ...httpFactsOf(response) })` or
 * `meterStream(data, { request, ...httpFactsOf(response) })`: the URL names the provider and API,
 * the headers carry the request id and any proxy-reported cost.
 */
export function httpFactsOf(response: Pick<Response, 'url' | 'status' | 'headers'>): HttpFacts {
  return {
    url: response.url || undefined,
    status: response.status,
    headers: Object.fromEntries(response.headers),
  };
}
