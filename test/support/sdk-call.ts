import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { ProviderApi } from '../../src/usage/normalized.ts';

/** The path each API's SDK appends to its base URL. */
export const ENDPOINTS: Record<ProviderApi, string> = {
  'chat.completions': '/chat/completions',
  responses: '/responses',
  messages: '/v1/messages',
};

/**
 * Makes the call a recording holds through the official SDK of its API, aimed at `url` (the
 * provider's real endpoint, or a proxy's), the way an application would.
 */
export async function drain(result: unknown): Promise<void> {
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    for await (const _ of result as AsyncIterable<unknown>) {
      // Reading the stream to its end is what records it.
    }
  }
}

export async function callThroughSdk(
  api: ProviderApi,
  url: URL,
  request: Record<string, unknown>,
): Promise<unknown> {
  const fetchOptions = { maxRetries: 0, apiKey: 'recording-without-a-key' };
  if (api === 'messages') {
    const client = new Anthropic({ ...fetchOptions, baseURL: url.origin });
    const beta = url.searchParams.get('beta') === 'true';
    const params = request as unknown as Anthropic.MessageCreateParams;
    return beta ? client.beta.messages.create(params as never) : client.messages.create(params);
  }
  const endpoint = ENDPOINTS[api];
  const baseURL = `${url.origin}${url.pathname.slice(0, -endpoint.length)}`;
  const defaultQuery = Object.fromEntries(url.searchParams);
  const client = new OpenAI({ ...fetchOptions, baseURL, defaultQuery });
  return api === 'responses'
    ? client.responses.create(request as never)
    : client.chat.completions.create(request as never);
}
