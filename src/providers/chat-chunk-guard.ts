import type { ChatCompletionChunk } from './chat-completions.ts';
import { isNullishNumber, isNullishString, isOptionalInteger, isRecord } from './zod-checks.ts';

/**
 * The hot path of Chat Completions streams: a hand-written check of the common chunk shape, so
 * that most chunks are read as they are instead of being copied by a zod parse (which costs a
 * third of `JSON.parse` on a long stream). It narrows to the type inferred from
 * `ChatCompletionChunkSchema` and is only ever stricter than that schema: a chunk it accepts,
 * the schema accepts and reads alike (test/providers/stream-event-guards.test.ts checks both);
 * anything else (an `error`, odd types) goes through the schema, the one source of truth.
 */
export function isCommonChunk(value: unknown): value is ChatCompletionChunk {
  if (!isRecord(value)) return false;
  if (
    !isNullishString(value.id) ||
    !isNullishNumber(value.created) ||
    !isNullishString(value.model) ||
    !isNullishString(value.service_tier) ||
    // An error inside a 200 stream is rare: left to the schema.
    (value.error !== undefined && value.error !== null)
  ) {
    return false;
  }
  const choices = value.choices;
  if (choices === undefined || choices === null) return true;
  if (!Array.isArray(choices)) return false;
  for (const choice of choices) if (!isCommonChoice(choice)) return false;
  return true;
}

function isCommonChoice(choice: unknown): boolean {
  if (!isRecord(choice)) return false;
  if (!isOptionalInteger(choice.index) || !isNullishString(choice.finish_reason)) return false;
  const delta = choice.delta;
  if (delta === undefined || delta === null) return true;
  if (!isRecord(delta) || !isNullishString(delta.refusal)) return false;
  // `content`, `reasoning_content` and `reasoning` are `unknown` in the schema: read by a dialect.
  const toolCalls = delta.tool_calls;
  if (toolCalls === undefined || toolCalls === null) return true;
  if (!Array.isArray(toolCalls)) return false;
  for (const call of toolCalls) if (!isCommonToolCall(call)) return false;
  return true;
}

function isCommonToolCall(call: unknown): boolean {
  if (!isRecord(call) || !isOptionalInteger(call.index) || !isNullishString(call.id)) {
    return false;
  }
  const fn = call.function;
  if (fn === undefined || fn === null) return true;
  return isRecord(fn) && isNullishString(fn.name) && isNullishString(fn.arguments);
}
