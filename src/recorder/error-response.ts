/**
 * The response a cassette gives for a request it cannot serve (no recorded match in replay mode).
 * An HTTP error rather than a network error: the SDKs retry network errors with back-off, but
 * honour `x-should-retry: false`, and show `message` in the error they throw. The body carries
 * the message where both SDKs look for it (OpenAI: `error.message`; Anthropic: `message`).
 */
export function errorResponse(type: string, message: string): Response {
  return new Response(
    JSON.stringify({ type: 'error', message, error: { type: `llm_cassette.${type}`, message } }),
    {
      status: 404,
      statusText: 'No recorded interaction',
      headers: {
        'content-type': 'application/json',
        'x-should-retry': 'false',
        'x-llm-cassette-error': type,
      },
    },
  );
}
