import { httpFactsOf, meterStream } from 'llm-cassette';
import type OpenAI from 'openai';
import type { Route } from './route.ts';

/** The message as it is to a small fast model, streamed back token by token. */
export const passthrough: Route = async function* (history, { openai }) {
  const request: OpenAI.ChatCompletionCreateParamsStreaming = {
    model: 'gpt-4.1-nano',
    messages: history,
    stream: true,
    // Without it, a Chat Completions stream carries no usage at all.
    stream_options: { include_usage: true },
  };
  const { data, response } = await openai.chat.completions.create(request).withResponse();
  const stream = meterStream(data, {
    request,
    ...httpFactsOf(response),
    extra: { routing_path: 'passthrough' },
  });
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta?.content;
    if (text) yield text;
  }
  return [await stream.result];
};
