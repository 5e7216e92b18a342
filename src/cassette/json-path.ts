import { LlmCassetteError } from '../errors.ts';

/** One step into a JSON value: an object key or an array index. */
export type JsonPathSegment = string | number;

/** One step of a path pattern; `*` (key) and `[*]` (index) match every member / item. */
export type JsonPathPatternSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'anyKey' }
  | { kind: 'anyIndex' };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Writes a path the way a reader of a request body thinks of it: `messages[2].content`,
 * `tools[0].function.name`, `headers["x-api-key"]`. The root is the empty string.
 */
export function formatJsonPath(segments: readonly JsonPathSegment[]): string {
  let out = '';
  for (const segment of segments) out = appendJsonPath(out, segment);
  return out;
}

/** `formatJsonPath([...parent, segment])` without rebuilding the parent's text. */
export function appendJsonPath(parent: string, segment: JsonPathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  if (IDENTIFIER.test(segment)) return parent === '' ? segment : `${parent}.${segment}`;
  return `${parent}[${JSON.stringify(segment)}]`;
}

/** A path pattern a user wrote (`ignoreBodyFields`, `redaction.bodyPaths`) that does not parse. */
export class InvalidJsonPathError extends LlmCassetteError {
  readonly code = 'invalid_json_path';

  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(
      `Invalid JSON path ${JSON.stringify(pattern)}: ${reason}. Write paths like ` +
        '`metadata.user_id`, `messages[*].cache_control`, `tools[0].function.name` or `headers["x-id"]`.',
    );
  }
}

/**
 * Parses `metadata.user_id`, `messages[*].cache_control`, `tools[0].function.name`,
 * `extra["odd.key"]`, `metadata.*`. Dotted keys run up to the next `.` or `[`.
 */
export function parseJsonPathPattern(pattern: string): JsonPathPatternSegment[] {
  const segments: JsonPathPatternSegment[] = [];
  let i = 0;
  const fail = (reason: string): never => {
    throw new InvalidJsonPathError(pattern, reason);
  };
  if (pattern === '') fail('the path is empty');
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === '[') {
      const close = pattern.indexOf(']', i);
      if (close === -1) fail(`"[" at column ${i + 1} is never closed`);
      const inner = pattern.slice(i + 1, close);
      if (inner === '*') segments.push({ kind: 'anyIndex' });
      else if (/^\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
      else if (inner.startsWith('"')) {
        try {
          const key: unknown = JSON.parse(inner);
          if (typeof key !== 'string') throw new Error('not a string');
          segments.push({ kind: 'key', key });
        } catch {
          fail(`${inner} at column ${i + 2} is not a quoted key`);
        }
      } else fail(`[${inner}] at column ${i + 1} is neither an index, [*] nor a quoted key`);
      i = close + 1;
      if (pattern[i] === '.') {
        i++;
        if (i === pattern.length) fail('it ends with "."');
      }
      continue;
    }
    let end = i;
    while (end < pattern.length && pattern[end] !== '.' && pattern[end] !== '[') end++;
    const key = pattern.slice(i, end);
    if (key === '') fail(`empty key at column ${i + 1}`);
    segments.push(key === '*' ? { kind: 'anyKey' } : { kind: 'key', key });
    i = end;
    if (pattern[i] === '.') {
      i++;
      if (i === pattern.length) fail('it ends with "."');
    }
  }
  return segments;
}

/** Returned by a `mapAtPaths` callback to delete the member or item it was given. */
export const REMOVE: unique symbol = Symbol('remove');

/**
 * Applies `fn` to every value that one of `patterns` reaches, copying only the containers on the
 * way (the input is never mutated; an untouched value comes back as the same reference). Paths
 * that reach nothing are no-ops: a field absent from one body is simply not there to change.
 */
export function mapAtPaths<T>(
  value: T,
  patterns: readonly (readonly JsonPathPatternSegment[])[],
  fn: (found: unknown) => unknown,
): T {
  let result: unknown = value;
  for (const pattern of patterns) result = mapAt(result, pattern, 0, fn);
  return result === REMOVE ? (undefined as T) : (result as T);
}

function mapAt(
  value: unknown,
  pattern: readonly JsonPathPatternSegment[],
  depth: number,
  fn: (found: unknown) => unknown,
): unknown {
  if (depth === pattern.length) return fn(value);
  const segment = pattern[depth]!;
  if (Array.isArray(value)) {
    if (segment.kind !== 'index' && segment.kind !== 'anyIndex') return value;
    let copy: unknown[] | undefined;
    let removed = false;
    const from = segment.kind === 'index' ? segment.index : 0;
    const to = segment.kind === 'index' ? Math.min(segment.index + 1, value.length) : value.length;
    for (let i = from; i < to; i++) {
      const next = mapAt(value[i], pattern, depth + 1, fn);
      if (next === value[i]) continue;
      copy ??= value.slice();
      copy[i] = next;
      if (next === REMOVE) removed = true;
    }
    if (!copy) return value;
    return removed ? copy.filter((item) => item !== REMOVE) : copy;
  }
  if (value === null || typeof value !== 'object') return value;
  if (segment.kind !== 'key' && segment.kind !== 'anyKey') return value;
  const record = value as Record<string, unknown>;
  const keys = segment.kind === 'key' ? [segment.key] : Object.keys(record);
  let copy: Record<string, unknown> | undefined;
  for (const key of keys) {
    if (!Object.hasOwn(record, key)) continue;
    const next = mapAt(record[key], pattern, depth + 1, fn);
    if (next === record[key]) continue;
    copy ??= { ...record };
    if (next === REMOVE) delete copy[key];
    else copy[key] = next;
  }
  return copy ?? value;
}
