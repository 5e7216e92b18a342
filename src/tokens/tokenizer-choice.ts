import { UnknownModelError } from '../pricing/errors.ts';
import { resolveModel } from '../pricing/resolve.ts';

export type TokenizerName = 'o200k_base' | 'cl100k_base' | 'claude';

/**
 * tiktoken's own model → encoding table (`tiktoken/model.py`), which `litellm.token_counter`
 * consults for OpenAI chat models. Exact names first, then prefixes. (`gpt-oss-` uses
 * o200k_harmony upstream: o200k_base plus chat special tokens, the same count for plain text.)
 */
const TIKTOKEN_MODELS: Record<string, TokenizerName> = {
  'gpt-5': 'o200k_base',
  'gpt-4.1': 'o200k_base',
  'gpt-4.5': 'o200k_base',
  o1: 'o200k_base',
  o3: 'o200k_base',
  'o4-mini': 'o200k_base',
  'gpt-4o': 'o200k_base',
  'gpt-4': 'cl100k_base',
  'gpt-3.5-turbo': 'cl100k_base',
  'gpt-3.5': 'cl100k_base',
  'gpt-35-turbo': 'cl100k_base',
};
const TIKTOKEN_PREFIXES: [string, TokenizerName][] = [
  ['o1-', 'o200k_base'],
  ['o3-', 'o200k_base'],
  ['o4-mini-', 'o200k_base'],
  ['gpt-5-', 'o200k_base'],
  ['gpt-5.', 'o200k_base'],
  ['gpt-4.5-', 'o200k_base'],
  ['gpt-4.1-', 'o200k_base'],
  ['chatgpt-4o-', 'o200k_base'],
  ['gpt-4o-', 'o200k_base'],
  ['gpt-oss-', 'o200k_base'],
  ['gpt-4-', 'cl100k_base'],
  ['gpt-3.5-turbo-', 'cl100k_base'],
  ['gpt-35-turbo-', 'cl100k_base'],
  ['ft:gpt-4o', 'o200k_base'],
  ['ft:gpt-4', 'cl100k_base'],
  ['ft:gpt-3.5-turbo', 'cl100k_base'],
];

/**
 * The tokenizer `litellm.token_counter` picks: Anthropic's legacy Claude tokenizer for Claude
 * models other than claude-3-*; for OpenAI chat models o200k_base when the name holds `gpt-4o`,
 * else tiktoken's table; for every other model (Gemini, Mistral, Llama, claude-3-*...) LiteLLM
 * counts as if it were gpt-3.5-turbo, i.e. with cl100k_base.
 */
export function tokenizerFor(model: string): TokenizerName {
  let key = model;
  let provider: string | undefined;
  let mode: string | undefined;
  try {
    const resolved = resolveModel(model);
    key = resolved.key;
    provider = resolved.provider;
    mode = resolved.entry.mode;
  } catch (error) {
    if (!(error instanceof UnknownModelError)) throw error;
  }
  if (provider === 'anthropic' && !key.includes('claude-3')) return 'claude';
  if (provider !== 'openai' || (mode !== 'chat' && mode !== 'responses')) return 'cl100k_base';
  if (key.includes('gpt-4o')) return 'o200k_base';
  const exact = TIKTOKEN_MODELS[key];
  if (exact) return exact;
  for (const [prefix, name] of TIKTOKEN_PREFIXES) if (key.startsWith(prefix)) return name;
  return 'cl100k_base';
}
