import { extractMetadata, httpFactsOf } from 'llm-cassette';
import type OpenAI from 'openai';
import type { LlmCall, Route } from './route.ts';

/** The app's tools: what the model may ask the app to look up. */
const TOOLS: OpenAI.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_user_country',
      description: '',
      parameters: { type: 'object', properties: {}, additionalProperties: false },
    },
  },
  {
    type: 'function',
    function: {
      name: 'final_result',
      description: 'The final response which ends this conversation',
      parameters: {
        type: 'object',
        properties: { city: { type: 'string' }, country: { type: 'string' } },
        required: ['city', 'country'],
      },
    },
  },
];

/** Runs a tool the model called. A real app would read the user's profile here. */
function runTool(name: string): string {
  if (name === 'get_user_country') return 'France';
  return `unknown tool ${name}`;
}

/** One non-streaming call, with its metadata extracted from the SDK's response. */
async function call(
  openai: OpenAI,
  request: OpenAI.ChatCompletionCreateParamsNonStreaming,
): Promise<{ completion: OpenAI.ChatCompletion; call: LlmCall }> {
  const startedAt = performance.now();
  const { data, response } = await openai.chat.completions.create(request).withResponse();
  const extracted = extractMetadata(
    {
      request,
      response: data,
      ...httpFactsOf(response),
      latency_ms: performance.now() - startedAt,
    },
    { routing_path: 'orchestration' },
  );
  return { completion: data, call: extracted };
}

/**
 * The model first picks the tools it needs (tool_choice `required`), the app runs them, then the
 * model answers from their results; the answer is sent to the client as one piece.
 */
export const orchestration: Route = async function* (history, { openai }) {
  const plan = await call(openai, {
    model: 'gpt-4o',
    messages: history,
    n: 1,
    stream: false,
    tool_choice: 'required',
    tools: TOOLS,
  });
  const assistant = plan.completion.choices[0]!.message;
  const toolResults = (assistant.tool_calls ?? []).map((toolCall) => ({
    role: 'tool' as const,
    tool_call_id: toolCall.id,
    content: toolCall.type === 'function' ? runTool(toolCall.function.name) : '',
  }));
  const answer = await call(openai, {
    model: 'gpt-4o',
    messages: [...history, assistant, ...toolResults],
    stream: false,
  });
  const text = answer.completion.choices[0]?.message.content;
  if (text) yield text;
  return [plan.call, answer.call];
};
