import type { FinishReason } from '../metadata/record.ts';

/**
 * Raw finish/stop reasons of every API and OpenAI-compatible provider, mapped to the record's
 * normalized set. The names do not collide across APIs, so one table serves all of them.
 */
const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  eos: 'stop',
  completed: 'stop',
  length: 'length',
  max_tokens: 'length',
  max_output_tokens: 'length',
  model_length: 'length',
  model_context_window_exceeded: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  tool_use: 'tool_calls',
  content_filter: 'content_filter',
  refusal: 'content_filter',
  safety: 'content_filter',
  error: 'error',
  failed: 'error',
};

export function normalizeFinishReason(raw: string): FinishReason {
  return FINISH_REASONS[raw] ?? 'other';
}
