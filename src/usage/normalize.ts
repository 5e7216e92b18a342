import {
  ContradictoryUsageError,
  InvalidUsageValueError,
  UnrecognizedUsageError,
} from './errors.ts';
import { type ExtractedField, USAGE_EXTRACTORS, type UsageExtractor } from './extractors.ts';
import { type NormalizedUsage, NormalizedUsageSchema, type ProviderApi } from './normalized.ts';
import { type PathReader, readerFor } from './path-reader.ts';

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

const EXTRACTORS_BY_API = new Map<ProviderApi, UsageExtractor[]>();
for (const extractor of USAGE_EXTRACTORS) {
  const list = EXTRACTORS_BY_API.get(extractor.api) ?? [];
  list.push(extractor);
  EXTRACTORS_BY_API.set(extractor.api, list);
}

function selectExtractor(usage: UsageRecord, api: ProviderApi, provider?: string): UsageExtractor {
  const candidates = EXTRACTORS_BY_API.get(api) ?? [];
  const wanted = provider?.toLowerCase();
  let fallback: UsageExtractor | undefined;
  // Plain loops: this runs on every cost, and closures here cost more than the work.
  if (wanted) {
    for (const extractor of candidates) if (extractor.providers.includes(wanted)) return extractor;
  }
  for (const extractor of candidates) {
    if (!extractor.signature) fallback ??= extractor;
    else if (signatureHolds(usage, extractor.signature)) return extractor;
  }
  if (!fallback) throw new UnrecognizedUsageError(`No usage extractor for API "${api}".`);
  return fallback;
}

function signatureHolds(
  usage: UsageRecord,
  signature: NonNullable<UsageExtractor['signature']>,
): boolean {
  const left = sumOf(usage, signature.left);
  const right = sumOf(usage, signature.right);
  if (left === undefined || right === undefined) return false;
  return signature.relation === 'eq' ? left === right : left > right;
}

function sumOf(usage: UsageRecord, paths: readonly string[]): number | undefined {
  let total = 0;
  for (let i = 0; i < paths.length; i++) {
    const value = readCount(usage, paths[i]!);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

interface CompiledTerm {
  readers: readonly PathReader[];
  names: readonly string[];
  negate: boolean;
  required: boolean;
}
/** Every extracted field, by a fixed index: values live in a plain array on the hot path. */
const FIELDS: readonly ExtractedField[] = [
  'input_tokens',
  'output_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'cache_write_5m_tokens',
  'cache_write_1h_tokens',
  'reasoning_tokens',
  'input_audio_tokens',
  'output_audio_tokens',
  'web_search_requests',
];
const FIELD_INDEX = new Map(FIELDS.map((field, index) => [field, index]));
const fieldIndex = (field: ExtractedField) => FIELD_INDEX.get(field)!;

interface CompiledExtractor {
  /** Terms per field index (an empty list for fields the extractor does not fill). */
  terms: readonly (readonly CompiledTerm[] | undefined)[];
  checks: readonly {
    parts: readonly number[];
    whole: number;
    source: UsageExtractor['checks'][number];
  }[];
  reportedTotal: PathReader | undefined;
}

const compiledExtractors = new WeakMap<UsageExtractor, CompiledExtractor>();

/** Splits every path once, so reading a usage object does no string work. */
function compile(extractor: UsageExtractor): CompiledExtractor {
  let compiled = compiledExtractors.get(extractor);
  if (!compiled) {
    compiled = {
      terms: FIELDS.map((field) =>
        extractor.fields[field]?.map((term) => {
          const names = typeof term.path === 'string' ? [term.path] : [...term.path];
          return {
            readers: names.map(readerFor),
            names,
            negate: term.negate === true,
            required: term.required === true,
          };
        }),
      ),
      checks: extractor.checks.map((check) => ({
        parts: check.parts.map(fieldIndex),
        whole: fieldIndex(check.whole),
        source: check,
      })),
      reportedTotal: extractor.reportedTotal ? readerFor(extractor.reportedTotal) : undefined,
    };
    compiledExtractors.set(extractor, compiled);
  }
  return compiled;
}

/** How a field was computed from the usage object, for error messages only. */
function describeField(
  extractor: UsageExtractor,
  usage: UsageRecord,
  field: ExtractedField,
): string {
  const used: string[] = [];
  for (const term of compile(extractor).terms[fieldIndex(field)] ?? []) {
    const index = term.readers.findIndex((read) => countOf(read(usage), '') !== undefined);
    if (index < 0) continue;
    const sign = term.negate ? (used.length ? ' - ' : '-') : used.length ? ' + ' : '';
    used.push(`${sign}usage.${term.names[index]}`);
  }
  return used.join('') || `(no ${field})`;
}

function applyExtractor(extractor: UsageExtractor, usage: UsageRecord): NormalizedUsage {
  const compiled = compile(extractor);
  // NaN marks a field no term was present for.
  const values: number[] = [];
  for (let f = 0; f < FIELDS.length; f++) {
    const terms = compiled.terms[f];
    let total = Number.NaN;
    if (terms) {
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t]!;
        let value: number | undefined;
        for (let i = 0; i < term.readers.length && value === undefined; i++) {
          value = countOf(term.readers[i]!(usage), term.names[i]!);
        }
        if (value === undefined) {
          if (term.required) throw missingRequired(term.names);
          continue;
        }
        total = (Number.isNaN(total) ? 0 : total) + (term.negate ? -value : value);
      }
      if (total < 0) {
        throw new ContradictoryUsageError(
          `${describeField(extractor, usage, FIELDS[f]!)} is negative (${total}) for ${FIELDS[f]}; the ` +
            `usage object contradicts itself (read as ${extractor.id}). Pass { provider } if it comes ` +
            'from another provider.',
        );
      }
    }
    values.push(total);
  }
  for (const check of compiled.checks) {
    let partsSum = 0;
    for (const part of check.parts) partsSum += countAt(values, part);
    const whole = countAt(values, check.whole);
    if (partsSum > whole) {
      const { parts: partNames, whole: wholeName } = check.source;
      const described = partNames
        .filter((part) => countAt(values, fieldIndex(part)))
        .map(
          (part) =>
            `${describeField(extractor, usage, part)} (${countAt(values, fieldIndex(part))})`,
        )
        .join(' plus ');
      throw new ContradictoryUsageError(
        `${described} is more than ${describeField(extractor, usage, wholeName)} (${whole}): the usage ` +
          `object contradicts itself (read as ${extractor.id}, where ${partNames.join(' and ')} ` +
          `are a part of ${wholeName}).` +
          (extractor.api === 'chat.completions'
            ? ' Pass { provider } if it is not OpenAI-style.'
            : ''),
      );
    }
  }
  const input = countAt(values, 0);
  const output = countAt(values, 1);
  if (compiled.reportedTotal) {
    const reported = countOf(compiled.reportedTotal(usage), extractor.reportedTotal!);
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
    cache_read_tokens: countAt(values, 2),
    cache_write_tokens: countAt(values, 3),
    reasoning_tokens: countAt(values, 6),
    input_audio_tokens: countAt(values, 7),
    output_audio_tokens: countAt(values, 8),
    web_search_requests: countAt(values, 9),
  };
  // Anthropic's cache-lifetime split stays absent (not 0) when the provider does not give it.
  if (!Number.isNaN(values[4]!)) normalized.cache_write_5m_tokens = values[4]!;
  if (!Number.isNaN(values[5]!)) normalized.cache_write_1h_tokens = values[5]!;
  return normalized;
}

/** A field's value, 0 where no term was present (NaN). */
function countAt(values: readonly number[], index: number): number {
  const value = values[index]!;
  return Number.isNaN(value) ? 0 : value;
}

function missingRequired(names: readonly string[]): UnrecognizedUsageError {
  return new UnrecognizedUsageError(
    `usage.${names.join(' or usage.')} is missing; it is required to read this usage object. ` +
      'Pass the whole usage object the provider returned, or { api } if it was misrecognized.',
  );
}

/** A value read at `usage.<name>` as a count; `undefined` when absent or `null`, else an error. */
function countOf(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InvalidUsageValueError(`usage.${name}`, value);
  }
  return value;
}

/** The count at a dotted path; `undefined` when absent or `null`, an error when not a count. */
export function readCount(usage: UsageRecord, path: string): number | undefined {
  return countOf(readerFor(path)(usage), path);
}

const NORMALIZED_CHECKS: readonly { parts: readonly ExtractedField[]; whole: ExtractedField }[] = [
  { parts: ['cache_read_tokens', 'cache_write_tokens'], whole: 'input_tokens' },
  { parts: ['input_audio_tokens'], whole: 'input_tokens' },
  { parts: ['reasoning_tokens', 'output_audio_tokens'], whole: 'output_tokens' },
  { parts: ['cache_write_5m_tokens', 'cache_write_1h_tokens'], whole: 'cache_write_tokens' },
];

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isOptionalCount = (value: unknown) => value === undefined || isCount(value);

/**
 * The schema's own check and copy, done by hand on the hot path (named property reads are many
 * times faster than zod, or than reads by a key in a variable); zod explains any failure. The
 * literal below is checked against `NormalizedUsage` by the compiler, so it cannot drift from
 * the schema.
 */
function validateNormalized(usage: UsageRecord): NormalizedUsage {
  const u = usage as { [K in keyof NormalizedUsage]?: unknown };
  if (
    isCount(u.input_tokens) &&
    isCount(u.output_tokens) &&
    isCount(u.total_tokens) &&
    isCount(u.cache_read_tokens) &&
    isCount(u.cache_write_tokens) &&
    isCount(u.reasoning_tokens) &&
    isCount(u.input_audio_tokens) &&
    isCount(u.output_audio_tokens) &&
    isCount(u.web_search_requests) &&
    isOptionalCount(u.cache_write_5m_tokens) &&
    isOptionalCount(u.cache_write_1h_tokens)
  ) {
    // A copy of the known fields only, as the schema would return.
    const copy: NormalizedUsage = {
      input_tokens: u.input_tokens,
      output_tokens: u.output_tokens,
      total_tokens: u.total_tokens,
      cache_read_tokens: u.cache_read_tokens,
      cache_write_tokens: u.cache_write_tokens,
      reasoning_tokens: u.reasoning_tokens,
      input_audio_tokens: u.input_audio_tokens,
      output_audio_tokens: u.output_audio_tokens,
      web_search_requests: u.web_search_requests,
    };
    if (isCount(u.cache_write_5m_tokens)) copy.cache_write_5m_tokens = u.cache_write_5m_tokens;
    if (isCount(u.cache_write_1h_tokens)) copy.cache_write_1h_tokens = u.cache_write_1h_tokens;
    return checkNormalizedParts(copy);
  }
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
  return checkNormalizedParts(parsed.data);
}

function checkNormalizedParts(result: NormalizedUsage): NormalizedUsage {
  for (const check of NORMALIZED_CHECKS) {
    let partsSum = 0;
    for (const part of check.parts) partsSum += result[part] ?? 0;
    if (partsSum > result[check.whole]!) {
      throw new ContradictoryUsageError(
        `usage.${check.parts.join(' + usage.')} (${partsSum}) is more than usage.${check.whole} ` +
          `(${result[check.whole]}), of which ${check.parts.length > 1 ? 'they are parts' : 'it is a part'}.`,
      );
    }
  }
  return result;
}
