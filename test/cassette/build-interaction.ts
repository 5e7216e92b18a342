import type { Interaction, JsonValue, RecordedRequest } from '../../src/cassette/format.ts';

/** A small valid interaction for tests; pass only what the test is about. */
export function buildInteraction(
  request: Partial<RecordedRequest> & { body?: JsonValue } = {},
  response: Partial<Interaction['response']> = {},
): Interaction {
  return {
    recorded_at: '2025-01-01T00:00:00.000Z',
    request: {
      method: 'POST',
      url: 'https://api.openai.com/v1/chat/completions',
      headers: { 'content-type': 'application/json' },
      ...(request.body !== undefined ? { body_format: 'json' as const } : {}),
      ...request,
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body_format: 'json',
      body: { ok: true },
      complete: true,
      timing: { ttfb_ms: 1, duration_ms: 2 },
      ...response,
    },
  };
}

export function chatRequest(
  body: JsonValue,
  extra: Partial<RecordedRequest> = {},
): RecordedRequest {
  return {
    method: 'POST',
    url: 'https://api.openai.com/v1/chat/completions',
    headers: { 'content-type': 'application/json' },
    body_format: 'json',
    body,
    ...extra,
  };
}
