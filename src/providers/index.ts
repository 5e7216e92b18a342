import type { ProviderApi } from '../usage/normalized.ts';
import type { ProviderAdapter } from './adapter.ts';
import { anthropicMessagesAdapter } from './anthropic-messages.ts';
import { chatCompletionsAdapter } from './chat-completions.ts';
import { openAiCompatibleAdapter } from './openai-compatible.ts';
import { responsesAdapter } from './responses.ts';

export type { ProviderAdapter, ProviderFacts, StreamReducer } from './adapter.ts';

/** Every adapter, in the order body-shape detection tries them. */
export const ADAPTERS: readonly ProviderAdapter[] = [
  anthropicMessagesAdapter,
  responsesAdapter,
  openAiCompatibleAdapter,
];

/** OpenAI's own Chat Completions (and Azure's copy of it) need none of the family's extras. */
const PLAIN_OPENAI = new Set(['openai', 'azure-openai']);

export function adapterFor(api: ProviderApi, provider: string | null): ProviderAdapter {
  switch (api) {
    case 'messages':
      return anthropicMessagesAdapter;
    case 'responses':
      return responsesAdapter;
    case 'chat.completions':
      return provider !== null && PLAIN_OPENAI.has(provider)
        ? chatCompletionsAdapter
        : openAiCompatibleAdapter;
  }
}

export function detectApiFromBody(body: unknown): ProviderApi | null {
  return ADAPTERS.find((adapter) => adapter.matchesBody(body))?.api ?? null;
}

export function detectApiFromEvent(payload: unknown): ProviderApi | null {
  return ADAPTERS.find((adapter) => adapter.matchesEvent(payload))?.api ?? null;
}
