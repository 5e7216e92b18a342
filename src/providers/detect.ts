import type { ProviderApi } from '../usage/normalized.ts';

/**
 * Which API a URL calls, from its path: `/v1/chat/completions` (also under Azure's
 * `/openai/deployments/…`, Gemini's `/v1beta/openai/`, Groq's `/openai/v1/`), `/v1/responses`,
 * `/v1/messages`. Null where the path says nothing (the body's shape decides then).
 */
export function detectApiFromUrl(url: string | undefined): ProviderApi | null {
  if (!url) return null;
  const path = pathOf(url);
  if (/\/chat\/completions\/?$/.test(path)) return 'chat.completions';
  if (/\/responses\/?$/.test(path)) return 'responses';
  if (/\/messages\/?$/.test(path)) return 'messages';
  return null;
}

function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Provider names as the recordings' metadata names them (`azure-openai`, `google`). */
const HOSTS: ReadonlyArray<[RegExp, string]> = [
  [/(^|\.)api\.openai\.com$/, 'openai'],
  [/(^|\.)api\.anthropic\.com$/, 'anthropic'],
  [/(^|\.)openai\.azure\.com$|(^|\.)azure\.com$|(^|\.)azure-api\.net$/, 'azure-openai'],
  [/(^|\.)groq\.com$/, 'groq'],
  [/(^|\.)deepseek\.com$/, 'deepseek'],
  [/(^|\.)mistral\.ai$/, 'mistral'],
  [/(^|\.)openrouter\.ai$/, 'openrouter'],
  [/(^|\.)generativelanguage\.googleapis\.com$/, 'google'],
  [/(^|\.)x\.ai$/, 'xai'],
  [/(^|\.)cerebras\.ai$/, 'cerebras'],
  [/(^|\.)together\.(xyz|ai)$/, 'together'],
];

export function detectProviderFromUrl(url: string | undefined): string | null {
  if (!url) return null;
  const host = hostOf(url);
  if (!host) return null;
  for (const [pattern, provider] of HOSTS) if (pattern.test(host)) return provider;
  return null;
}

/** What a body (or first stream event, or request) shows about who answered it. */
export interface ProviderHints {
  /** The response's or request's model name. */
  model?: string | null;
  /** The response id (`chatcmpl-…`, `gen-…`, `msg_…`). */
  id?: string | null;
  /** Keys present at the top level of the body or chunk. */
  keys?: ReadonlySet<string>;
  /** Keys present in the usage object. */
  usageKeys?: ReadonlySet<string>;
  api: ProviderApi;
}

const MODEL_PREFIXES: ReadonlyArray<[RegExp, string]> = [
  [/^claude/, 'anthropic'],
  [/^(gpt-|o\d|chatgpt|text-embedding|davinci|babbage|codex)/, 'openai'],
  [/^(magistral|mistral|codestral|ministral|pixtral|devstral|open-mistral)/, 'mistral'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
  [/^gemini|^models\/gemini/, 'google'],
];

/**
 * The provider of a body without a URL, from fields only one provider sends (`x_groq`,
 * OpenRouter's `gen-` ids with a `provider` key, Azure's content-filter results, DeepSeek's
 * cache-hit counts), then from the model name, then from the API (Anthropic's Messages API and
 * OpenAI's Responses API have one provider each).
 */
export function detectProviderFromHints(hints: ProviderHints): string {
  const keys = hints.keys ?? new Set<string>();
  if (keys.has('x_groq')) return 'groq';
  if (hints.id?.startsWith('gen-') && keys.has('provider')) return 'openrouter';
  if (keys.has('prompt_filter_results')) return 'azure-openai';
  if (hints.usageKeys?.has('prompt_cache_hit_tokens')) return 'deepseek';
  if (hints.usageKeys?.has('cost') && hints.usageKeys.has('is_byok')) return 'openrouter';
  if (hints.api === 'messages') return 'anthropic';
  if (hints.api === 'responses') return 'openai';
  const model = hints.model?.toLowerCase() ?? '';
  for (const [pattern, provider] of MODEL_PREFIXES) if (pattern.test(model)) return provider;
  // OpenAI's ids are `chatcmpl-` + letters and digits; Groq and Cerebras put a UUID there.
  if (hints.id && /^chatcmpl-[A-Za-z0-9]+$/.test(hints.id)) return 'openai';
  return 'openai-compatible';
}
