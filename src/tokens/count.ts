import { z } from 'zod';
import { LlmCassetteError } from '../errors.ts';
import { type TokenizerName, tokenizerFor } from './tokenizer-choice.ts';
import { tokenCounter } from './tokenizers.ts';
import { formatFunctionDefinitions } from './tool-definitions.ts';

/** A chat message as a request carries it; any keys, counted as LiteLLM counts them. */
export const CountableMessageSchema = z.record(z.string(), z.unknown());
export const CountTokensInputSchema = z.object({
  model: z.string(),
  messages: z.array(CountableMessageSchema).optional(),
  text: z.union([z.string(), z.array(z.string())]).optional(),
  /** OpenAI-style tool definitions (`{ type: 'function', function: {...} }`) or Anthropic's. */
  tools: z.array(z.record(z.string(), z.unknown())).optional(),
  tool_choice: z.unknown().optional(),
});
export type CountTokensInput = z.infer<typeof CountTokensInputSchema>;

export interface TokenCount {
  tokens: number;
  tokenizer: TokenizerName;
  /** True when some part was not counted the way LiteLLM counts it, or cannot be known offline. */
  estimate: boolean;
  /** Why the count is an estimate, one reason per kind of part. */
  estimate_reasons: string[];
}

export class TokenCountInputError extends LlmCassetteError {
  readonly code = 'token_count_invalid_input';
}

/** LiteLLM's per-message constants (tiktoken's cookbook): 3 per message, 1 per name, 3 to prime. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;
/** LiteLLM's image count for `low` and `auto` detail (OpenAI's base tile). */
const IMAGE_BASE_TOKENS = 85;

/**
 * Counts prompt tokens like `litellm.token_counter`: the same tokenizer per model, the same
 * per-message, per-name and reply-priming tokens, tool definitions formatted as LiteLLM formats
 * them. Images are counted as LiteLLM counts them offline (85 tokens at low/auto detail); what
 * cannot be counted that way is estimated and says so in `estimate_reasons`.
 */
export function countTokens(input: CountTokensInput): TokenCount {
  const parsed = CountTokensInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TokenCountInputError(
      `countTokens: ${issue?.path.join('.') || 'input'}: ${issue?.message}. Pass { model, text } or { model, messages }.`,
    );
  }
  const { model, messages, text, tools, tool_choice } = parsed.data;
  if ((text === undefined) === (messages === undefined)) {
    throw new TokenCountInputError('countTokens: pass exactly one of `text` and `messages`.');
  }
  if (text !== undefined && (tools || tool_choice !== undefined)) {
    throw new TokenCountInputError(
      'countTokens: `tools` and `tool_choice` need `messages`, not `text`.',
    );
  }
  const tokenizer = tokenizerFor(model);
  const count = tokenCounter(tokenizer);
  const reasons = new Set<string>();
  let tokens: number;
  if (text !== undefined) {
    tokens = count(Array.isArray(text) ? text.join('') : text);
  } else {
    tokens = countMessages(messages ?? [], count, reasons) + REPLY_PRIMING;
    if (tools?.length) {
      tokens += count(formatFunctionDefinitions(tools)) + 9;
      if (messages?.some((m) => m.role === 'system')) tokens -= 4;
      if (tokenizer === 'claude') {
        reasons.add(
          "tool definitions are counted in OpenAI's format; Anthropic formats them its own way",
        );
      }
    }
    if (tool_choice === 'none') tokens += 1;
    else if (isRecord(tool_choice) && isRecord(tool_choice.function)) {
      tokens += 7 + count(String(tool_choice.function.name ?? ''));
    }
  }
  return { tokens, tokenizer, estimate: reasons.size > 0, estimate_reasons: [...reasons] };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function countMessages(
  messages: Record<string, unknown>[],
  count: (text: string) => number,
  reasons: Set<string>,
): number {
  let tokens = 0;
  for (const message of messages) {
    tokens += TOKENS_PER_MESSAGE;
    for (const [key, value] of Object.entries(message)) {
      if (value === null || value === undefined) continue;
      if (key === 'tool_calls' && Array.isArray(value)) {
        for (const call of value) {
          const fn = isRecord(call) && isRecord(call.function) ? call.function : undefined;
          tokens += count(String(fn?.arguments ?? ''));
        }
      } else if (key === 'function_call' && isRecord(value)) {
        tokens += count(String(value.arguments ?? ''));
      } else if (typeof value === 'string') {
        // Every string value counts, whatever its key (LiteLLM's rule, which is why
        // `{ "user": "role", ... }` counts the word "role").
        tokens += count(value);
        if (key === 'name') tokens += TOKENS_PER_NAME;
      } else if (key === 'content' && Array.isArray(value)) {
        tokens += countContent(value, count, reasons);
      }
      // Other keys (ids, cache_control...) carry no prompt text: LiteLLM skips them too.
    }
  }
  return tokens;
}

function countContent(
  blocks: unknown[],
  count: (text: string) => number,
  reasons: Set<string>,
): number {
  let tokens = 0;
  for (const block of blocks) {
    if (typeof block === 'string') {
      tokens += count(block);
      continue;
    }
    if (!isRecord(block)) continue;
    switch (block.type) {
      case 'text':
        tokens += count(String(block.text ?? ''));
        break;
      case 'thinking':
      case 'redacted_thinking':
        tokens += count(String(block.thinking ?? ''));
        break;
      case 'image_url': {
        const detail = isRecord(block.image_url) ? block.image_url.detail : undefined;
        if (detail === 'high') {
          reasons.add(
            'high-detail images: LiteLLM downloads the image to size it; counted at the 85-token base',
          );
        }
        tokens += IMAGE_BASE_TOKENS;
        break;
      }
      case 'image':
        tokens += IMAGE_BASE_TOKENS;
        break;
      case 'tool_use':
        tokens += count(String(block.name ?? '')) + count(stringify(block.input));
        break;
      case 'tool_result':
        tokens +=
          typeof block.content === 'string'
            ? count(block.content)
            : Array.isArray(block.content)
              ? countContent(block.content, count, reasons)
              : 0;
        break;
      default:
        reasons.add(
          `content blocks of type "${String(block.type)}" are counted as their JSON text`,
        );
        tokens += count(JSON.stringify(block));
    }
  }
  return tokens;
}

/** Python's `str()` of a parsed JSON value, as LiteLLM applies it to a tool_use input. */
function stringify(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value ?? {});
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
    return quote + (quote === "'" ? body.replaceAll("'", "\\'") : body) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
}
