import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Cassette } from '../../src/cassette/format.ts';
import { extractMetadata, httpFactsOf } from '../../src/index.ts';

const shipped = (name: string) =>
  (JSON.parse(readFileSync(`cassettes/${name}.json`, 'utf8')) as Cassette).interactions[0]!;

describe('httpFactsOf (the fetch Response of .withResponse())', () => {
  it('gives extractMetadata the URL, status and request id that the body alone lacks', () => {
    const { request, response } = shipped('anthropic-messages-error-400');
    const http = new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: response.headers,
    });
    const facts = httpFactsOf({ url: request.url, status: http.status, headers: http.headers });
    expect(facts.url).toBe('https://api.anthropic.com/v1/messages');
    const { metadata } = extractMetadata({
      request: request.body,
      response: response.body,
      ...facts,
    });
    expect(metadata).toMatchObject({
      provider: 'anthropic',
      http_status: 400,
      finish_reason: 'error',
      request_id: 'req_011Ca7jT9AHpgXgdv8igm4z9',
    });
  });

  it('leaves the URL out where the Response has none (one built by hand)', () => {
    expect(httpFactsOf(new Response('{}', { status: 201 }))).toEqual({
      url: undefined,
      status: 201,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
  });
});
