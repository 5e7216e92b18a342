import {
  ContradictoryUsageError,
  InvalidUsageValueError,
  UnrecognizedUsageError,
} from './errors.ts';
import {
  type ExtractedField,
  OPTIONAL_FIELDS,
  USAGE_EXTRACTORS,
  type UsageExtractor,
  type UsageTerm,
} from './extractors.ts';
import { type NormalizedUsage, NormalizedUsageSchema, type ProviderApi } from './normalized.ts';

export interface UsageHint {
  api?: ProviderApi;
  provider?: string;
}

type UsageRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is UsageRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns a provider's usage object, exactly as the response carried it, into a `NormalizedUsage`.
 * The API is taken from `hint.api` or recognized from the object's keys; `hint.provider` selects a
 * provider's variant (`xai`, `gemini`), which is otherwise recognized from how its totals add up.
 * An object that already is a `NormalizedUsage` is validated and returned as is.
 *
 * Throws `InvalidUsageValueError` (a count that is not a non-negative integer),
 * `ContradictoryUsageError` (cached above prompt, say) or `UnrecognizedUsageError`.
 */
export function normalizeUsage(usage: unknown, hint: UsageHint = {}): NormalizedUsage {
  if (!isRecord(usage)) {
    throw new UnrecognizedUsageError(
      `usage must be an object, got ${usage === null ? 'null' : Array.isArray(usage) ? 'an array' : typeof usage}. ` +
        'Pass the `usage` object of the response body.',
    );
  }
  if (isNormalized(usage)) return validateNormalized(usage);
  const api = hint.api ?? detectUsageApi(usage);
  return applyExtractor(selectExtractor(usage, api, hint.provider), usage);
}

/** True for an object in llm-cassette's own normalized shape (no provider uses these keys). */
function isNormalized(usage: UsageRecord): boolean {
  return 'cache_read_tokens' in usage || 'cache_write_tokens' in usage;
}

/** Recognizes which API produced a usage object from the keys it carries. */
export function detectUsageApi(usage: UsageRecord): ProviderApi {
  if ('prompt_tokens' in usage || 'completion_tokens' in usage) return 'chat.completions';
  const anthropicKeys = [
    'cache_read_input_tokens',
    'cache_creation_input_tokens',
    'cache_creation',
    'server_tool_use',
  ];
  if (anthropicKeys.some((key) => key in usage)) return 'messages';
  if ('input_tokens_details' in usage || 'output_tokens_details' in usage) return 'responses';
  if ('input_tokens' in usage && 'output_tokens' in usage) {
    // Anthropic reports no total; the Responses API always does.
    return 'total_tokens' in usage ? 'responses' : 'messages';
  }
  throw new UnrecognizedUsageError(
    `usage has none of the keys of a known API (keys: ${Object.keys(usage).join(', ') || 'none'}). ` +
      'Expected Chat Completions (prompt_tokens, completion_tokens), Responses (input_tokens, ' +
      'output_tokens, total_tokens) or Anthropic Messages (input_tokens, output_tokens); ' +
      'pass { api } if the object is one of them.',
  );
}

function selectExtractor(usage: UsageRecord, api: ProviderApi, provider?: string): UsageExtractor {
  const candidates = USAGE_EXTRACTORS.filter((extractor) => extractor.api === api);
  const wanted = provider?.toLowerCase();
  const byProvider = candidates.find((extractor) => wanted && extractor.providers.includes(wanted));
  if (byProvider) return byProvider;
  const bySignature = candidates.find(
    (extractor) => extractor.signature && signatureHolds(usage, extractor.signature),
  );
  const fallback = candidates.find((extractor) => !extractor.signature);
  const chosen = bySignature ?? fallback;
  if (!chosen) throw new UnrecognizedUsageError(`No usage extractor for API "${api}".`);
  return chosen;
}

function signatureHolds(
  usage: UsageRecord,
  signature: NonNullable<UsageExtractor['signature']>,
): boolean {
  const sum = (paths: readonly string[]): number | undefined => {
    let total = 0;
    for (const path of paths) {
      const value = readCount(usage, path);
      if (value === undefined) return undefined;
      total += value;
    }
    return total;
  };
  const left = sum(signature.left);
  const right = sum(signature.right);
  if (left === undefined || right === undefined) return false;
  return signature.relation === 'eq' ? left === right : left > right;
}

function applyExtractor(extractor: UsageExtractor, usage: UsageRecord): NormalizedUsage {
  const values = {} as Record<ExtractedField, number | undefined>;
  const sources = {} as Record<ExtractedField, string>;
  for (const [field, terms] of Object.entries(extractor.fields) as [
    ExtractedField,
    readonly UsageTerm[],
  ][]) {
    let total: number | undefined;
    const used: string[] = [];
    for (const term of terms) {
      const found = readTerm(usage, term);
      if (!found) continue;
      total = (total ?? 0) + (term.negate ? -found.value : found.value);
      used.push(
        `${used.length === 0 ? (term.negate ? '-' : '') : term.negate ? ' - ' : ' + '}usage.${found.path}`,
      );
    }
    if (total !== undefined && total < 0) {
      throw new ContradictoryUsageError(
        `${used.join('')} is negative (${total}) for ${field}; the usage object contradicts itself ` +
          `(read as ${extractor.id}). Pass { provider } if it comes from another provider.`,
      );
    }
    values[field] = total;
    sources[field] = used.join('') || `(no ${field})`;
  }
  for (const check of extractor.checks) {
    const partsSum = check.parts.reduce((sum, part) => sum + (values[part] ?? 0), 0);
    const whole = values[check.whole] ?? 0;
    if (partsSum > whole) {
      const parts = check.parts
        .filter((part) => values[part])
        .map((part) => `${sources[part]} (${values[part]})`)
        .join(' plus ');
      throw new ContradictoryUsageError(
        `${parts} is more than ${sources[check.whole]} (${whole}): the usage object contradicts itself ` +
          `(read as ${extractor.id}, where ${check.parts.join(' and ')} are a part of ${check.whole}).` +
          (extractor.api === 'chat.completions'
            ? ' Pass { provider } if it is not OpenAI-style.'
            : ''),
      );
    }
  }
  const input = values.input_tokens ?? 0;
  const output = values.output_tokens ?? 0;
  if (extractor.reportedTotal) {
    const reported = readCount(usage, extractor.reportedTotal);
    if (reported !== undefined && reported !== input + output) {
      throw new ContradictoryUsageError(
        `usage.${extractor.reportedTotal} (${reported}) is not input (${input}) + output (${output}) ` +
          `as read by the ${extractor.id} extractor; pass { provider } if the object comes from a ` +
          'provider that counts differently.',
      );
    }
  }
  const normalized: NormalizedUsage = {
    input_tokens: input,
    output_tokens: output,
    total_tokens: input + output,
    cache_read_tokens: values.cache_read_tokens ?? 0,
    cache_write_tokens: values.cache_write_tokens ?? 0,
    reasoning_tokens: values.reasoning_tokens ?? 0,
    input_audio_tokens: values.input_audio_tokens ?? 0,
    output_audio_tokens: values.output_audio_tokens ?? 0,
    web_search_requests: values.web_search_requests ?? 0,
  };
  for (const field of OPTIONAL_FIELDS) {
    const value = values[field];
    if (value !== undefined) (normalized as Record<ExtractedField, number>)[field] = value;
  }
  return normalized;
}

function readTerm(
  usage: UsageRecord,
  term: UsageTerm,
): { path: string; value: number } | undefined {
  const paths = typeof term.path === 'string' ? [term.path] : term.path;
  for (const path of paths) {
    const value = readCount(usage, path);
    if (value !== undefined) return { path, value };
  }
  if (term.required) {
    throw new UnrecognizedUsageError(
      `usage.${paths.join(' or usage.')} is missing; it is required to read this usage object. ` +
        'Pass the whole usage object the provider returned, or { api } if it was misrecognized.',
    );
  }
  return undefined;
}

/** The count at a dotted path; `undefined` when absent or `null`, an error when not a count. */
export function readCount(usage: UsageRecord, path: string): number | undefined {
  let current: unknown = usage;
  for (const key of path.split('.')) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  if (current === undefined || current === null) return undefined;
  if (typeof current !== 'number' || !Number.isInteger(current) || current < 0) {
    throw new InvalidUsageValueError(`usage.${path}`, current);
  }
  return current;
}

const NORMALIZED_CHECKS: readonly { parts: readonly ExtractedField[]; whole: ExtractedField }[] = [
  { parts: ['cache_read_tokens', 'cache_write_tokens'], whole: 'input_tokens' },
  { parts: ['input_audio_tokens'], whole: 'input_tokens' },
  { parts: ['reasoning_tokens', 'output_audio_tokens'], whole: 'output_tokens' },
  { parts: ['cache_write_5m_tokens', 'cache_write_1h_tokens'], whole: 'cache_write_tokens' },
];

function validateNormalized(usage: UsageRecord): NormalizedUsage {
  const parsed = NormalizedUsageSchema.safeParse(usage);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['usage', ...(issue?.path ?? []).map(String)].join('.');
    const value = issue?.path.reduce<unknown>(
      (node, key) => (isRecord(node) ? node[String(key)] : undefined),
      usage,
    );
    throw new InvalidUsageValueError(path, value);
  }
  const result = parsed.data;
  for (const check of NORMALIZED_CHECKS) {
    const partsSum = check.parts.reduce((sum, part) => sum + (result[part] ?? 0), 0);
    if (partsSum > result[check.whole]!) {
      throw new ContradictoryUsageError(
        `usage.${check.parts.join(' + usage.')} (${partsSum}) is more than usage.${check.whole} ` +
          `(${result[check.whole]}), of which ${check.parts.length > 1 ? 'they are parts' : 'it is a part'}.`,
      );
    }
  }
  return result;
}
