import { z } from 'zod';
import { type ChatDialect, createChatCompletionsAdapter } from './chat-completions.ts';

/**
 * The OpenAI-compatible family (Groq, DeepSeek, Mistral, OpenRouter, xAI, Cerebras, Together,
 * Gemini's OpenAI endpoint, a LiteLLM proxy): the Chat Completions frame plus what these
 * providers add. Their extra usage fields (DeepSeek's `prompt_cache_hit_tokens`, xAI's
 * reasoning outside `completion_tokens`, OpenRouter's `cost`…) are read by the usage normalizer
 * from the usage object handed over unchanged; here: where that object is, and the text inside
 * typed content parts.
 */

/** Mistral (magistral) sends `content` as typed parts: text, or thinking with nested text. */
const TextPartSchema = z.object({ type: z.string().optional(), text: z.string().nullish() });
const ContentPartSchema = z.object({
  type: z.string().optional(),
  text: z.string().nullish(),
  thinking: z.union([z.string(), z.array(TextPartSchema)]).nullish(),
});
const ContentPartsSchema = z.array(ContentPartSchema);

/** Groq streams put usage in `x_groq.usage` (sometimes also in `usage`). */
const GroqExtrasSchema = z.object({ usage: z.unknown() });

function readParts(content: unknown): { text: string; thinking: string } {
  if (typeof content === 'string') return { text: content, thinking: '' };
  if (!Array.isArray(content)) return { text: '', thinking: '' };
  const parts = ContentPartsSchema.safeParse(content);
  if (!parts.success) return { text: '', thinking: '' };
  let text = '';
  let thinking = '';
  for (const part of parts.data) {
    if (part.type === 'thinking' || part.thinking) {
      const inner = part.thinking;
      if (typeof inner === 'string') thinking += inner;
      else for (const piece of inner ?? []) thinking += piece.text ?? '';
    } else if (part.text) {
      text += part.text;
    }
  }
  return { text, thinking };
}

export const openAiCompatibleDialect: ChatDialect = {
  readContent: (message) => readParts(message.content),
  readUsage(body) {
    if (body.usage !== undefined && body.usage !== null) return body.usage;
    // Checked before parsing: a failed parse on every chunk would dominate the stream's cost.
    if (body.x_groq === undefined || body.x_groq === null) return null;
    const groq = GroqExtrasSchema.safeParse(body.x_groq);
    return groq.success && groq.data.usage !== undefined ? groq.data.usage : null;
  },
};

export const openAiCompatibleAdapter = createChatCompletionsAdapter(openAiCompatibleDialect);
