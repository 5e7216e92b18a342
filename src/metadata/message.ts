import { z } from 'zod';

/** One client tool call the model asked for; `arguments` is the full JSON string. */
export const AssembledToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.string(),
});
export type AssembledToolCall = z.infer<typeof AssembledToolCallSchema>;

/**
 * The assistant message, reassembled from a response body or from a stream's deltas, in one
 * shape for every API. `refusal` and `thinking` (reasoning text: Anthropic thinking blocks,
 * `reasoning_content`, Responses reasoning summaries) appear only where the response had them.
 */
export const AssembledMessageSchema = z.object({
  role: z.literal('assistant'),
  content: z.string().nullable(),
  tool_calls: z.array(AssembledToolCallSchema),
  refusal: z.string().optional(),
  thinking: z.string().optional(),
});
export type AssembledMessage = z.infer<typeof AssembledMessageSchema>;

/** Builds the message from what an adapter assembled; empty parts are left out. */
export function assembleMessage(parts: {
  text: string;
  toolCalls: AssembledToolCall[];
  refusal?: string;
  thinking?: string;
}): AssembledMessage {
  const message: AssembledMessage = {
    role: 'assistant',
    content: parts.text.length > 0 ? parts.text : null,
    tool_calls: parts.toolCalls,
  };
  if (parts.refusal) message.refusal = parts.refusal;
  if (parts.thinking) message.thinking = parts.thinking;
  return message;
}
