import { UnknownModelError } from './errors.ts';
import { hasModel, modelEntry, modelNames, tableGeneration } from './table.ts';
import type { ModelEntry } from './table-schema.ts';

export interface ResolvedModel {
  /** The price-table key the name resolved to. */
  key: string;
  entry: ModelEntry;
  /** LiteLLM's provider of the entry (`openai`, `anthropic`, `gemini`, `xai`...). */
  provider: string;
  overridden: boolean;
}

/** Provider names as responses, SDKs and users spell them, mapped to LiteLLM's prefixes. */
const PROVIDER_ALIASES: Record<string, string> = {
  google: 'gemini',
  'google-ai-studio': 'gemini',
  vertex: 'vertex_ai',
  'google-vertex': 'vertex_ai',
  'x-ai': 'xai',
  grok: 'xai',
  'azure-openai': 'azure',
  mistralai: 'mistral',
  together: 'together_ai',
  fireworks: 'fireworks_ai',
};

const canonicalProvider = (provider: string): string => {
  const lower = provider.toLowerCase();
  return PROVIDER_ALIASES[lower] ?? lower;
};

/** A dated snapshot suffix: `-2024-07-18`, `-20241022`, `@20241022`. */
const SNAPSHOT_SUFFIX = /[-@](\d{4}-\d{2}-\d{2}|\d{8})$/;

/** An entry may stand in for `prefix/name` when its provider is the prefix's own family. */
function sameFamily(entryProvider: string, prefix: string): boolean {
  return (
    entryProvider === prefix ||
    entryProvider.startsWith(`${prefix}-`) ||
    entryProvider.startsWith(`${prefix}_`) ||
    (prefix === 'openai' && entryProvider === 'text-completion-openai') ||
    (prefix === 'gemini' && entryProvider === 'vertex_ai-language-models')
  );
}

/** Candidate keys for one spelling of the name, most specific first. */
function* candidates(name: string, hint: string | undefined): Generator<[string, string?]> {
  if (hint) yield [`${hint}/${name}`];
  yield [name];
  const slash = name.indexOf('/');
  if (slash > 0) {
    const prefix = canonicalProvider(name.slice(0, slash));
    const rest = name.slice(slash + 1);
    yield [`${prefix}/${rest}`];
    // `openai/gpt-4o-mini` → `gpt-4o-mini`, only if that entry is the prefix's own provider.
    yield [rest, prefix];
  }
}

function lookup(name: string, hint: string | undefined): ResolvedModel | undefined {
  for (const [key, family] of candidates(name, hint)) {
    if (!hasModel(key)) continue;
    const found = modelEntry(key)!;
    if (family && !sameFamily(found.entry.litellm_provider, family)) continue;
    return {
      key,
      entry: found.entry,
      provider: found.entry.litellm_provider,
      overridden: found.overridden,
    };
  }
  return undefined;
}

/** Other spellings to try when the name itself is not a key: undated, dotted version numbers. */
function variants(name: string): string[] {
  const out: string[] = [];
  const undated = name.replace(SNAPSHOT_SUFFIX, '');
  if (undated !== name) out.push(undated);
  // `claude-haiku-4.5` → `claude-haiku-4-5` (Anthropic ids use hyphens; people write dots).
  for (const base of [name, undated]) {
    if (/claude/.test(base) && /\d\.\d/.test(base)) out.push(base.replace(/(\d)\.(\d)/g, '$1-$2'));
  }
  return out;
}

/** Provider prefixes tried, in order, for a bare name the table only has under a prefix. */
const PREFIX_PREFERENCE = ['openai', 'anthropic', 'gemini', 'xai', 'deepseek', 'mistral', 'groq'];

function findUnderPrefix(name: string): ResolvedModel | undefined {
  for (const prefix of PREFIX_PREFERENCE) {
    const found = lookup(`${prefix}/${name}`, undefined);
    if (found) return found;
  }
  return undefined;
}

const cache = new Map<string, ResolvedModel>();
/** Suggestions for names that resolve to nothing: an edit distance to every known name is slow. */
const misses = new Map<string, string[]>();
let cacheGeneration = -1;

/**
 * Resolves a model name as LiteLLM does: the exact key; with a provider (given, or as a prefix
 * such as `openai/`, `anthropic/`, `gemini/`) either prefixed or bare; then a dated snapshot the
 * table does not list by its undated name (`gpt-4o-mini-2099-01-01` → `gpt-4o-mini`); then a bare
 * name the table keeps only under a provider prefix (`grok-3-mini` → `xai/grok-3-mini`).
 * Results are cached until prices are registered. Throws `UnknownModelError` with suggestions.
 */
export function resolveModel(name: string, provider?: string): ResolvedModel {
  if (cacheGeneration !== tableGeneration()) {
    cache.clear();
    misses.clear();
    cacheGeneration = tableGeneration();
  }
  const cacheKey = provider ? `${provider}\u0000${name}` : name;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const missed = misses.get(cacheKey);
  if (missed) throw new UnknownModelError(name, missed, provider);
  const hint = provider ? canonicalProvider(provider) : undefined;
  const found =
    lookup(name, hint) ??
    variants(name).reduce<ResolvedModel | undefined>(
      (hit, v) => hit ?? lookup(v, hint),
      undefined,
    ) ??
    (name.includes('/') ? undefined : findUnderPrefix(name));
  if (!found) {
    const suggestions = suggestModels(name);
    misses.set(cacheKey, suggestions);
    throw new UnknownModelError(name, suggestions, provider);
  }
  cache.set(cacheKey, found);
  return found;
}

/** The known names nearest to `name` (edit distance, ignoring provider prefixes). */
export function suggestModels(name: string, limit = 5): string[] {
  const target = name.toLowerCase();
  const bare = target.slice(target.lastIndexOf('/') + 1);
  const scored = modelNames().map((key) => {
    const lower = key.toLowerCase();
    const keyBare = lower.slice(lower.lastIndexOf('/') + 1);
    return { key, score: Math.min(editDistance(target, lower), editDistance(bare, keyBare) + 0.5) };
  });
  scored.sort((a, b) => a.score - b.score || a.key.length - b.key.length);
  return scored.slice(0, limit).map((s) => s.key);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
