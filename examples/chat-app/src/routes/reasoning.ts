import type Anthropic from '@anthropic-ai/sdk';
import { httpFactsOf, meterStream } from 'llm-cassette';
import type { Route } from './route.ts';

/** A model that thinks before it answers (Anthropic extended thinking); only the answer streams. */
export const reasoning: Route = async function* (history, { anthropic }) {
  const request: Anthropic.MessageCreateParamsStreaming = {
    model: 'claude-sonnet-4-0',
    max_tokens: 4096,
    thinking: { type: 'enabled', budget_tokens: 1024 },
    messages: history.map((m) => ({ role: m.role, content: [{ type: 'text', text: m.content }] })),
    stream: true,
  };
  const { data, response } = await anthropic.messages.create(request).withResponse();
  const stream = meterStream(data, {
    request,
    ...httpFactsOf(response),
    extra: { routing_path: 'reasoning' },
  });
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      yield event.delta.text;
    }
  }
  return [await stream.result];
};
