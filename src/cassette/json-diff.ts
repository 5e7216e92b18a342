import type { JsonValue } from './format.ts';
import { appendJsonPath } from './json-path.ts';
import { previewJson } from './json-preview.ts';

/** One place where two JSON values differ; `undefined` stands for "not there". */
export interface JsonDiffEntry {
  /** `messages[2].content`, `model`, `tools[0].function.name`; `''` for the whole value. */
  path: string;
  recorded: JsonValue | undefined;
  requested: JsonValue | undefined;
}

/**
 * Lists the leaves where `requested` differs from `recorded`, in document order: objects are
 * compared member by member, arrays item by item (an extra item is one entry), anything else
 * by value.
 */
export function diffJson(
  recorded: JsonValue | undefined,
  requested: JsonValue | undefined,
): JsonDiffEntry[] {
  const entries: JsonDiffEntry[] = [];
  walk(recorded, requested, '', entries);
  return entries;
}

function walk(
  recorded: JsonValue | undefined,
  requested: JsonValue | undefined,
  path: string,
  entries: JsonDiffEntry[],
): void {
  if (recorded === requested) return;
  if (Array.isArray(recorded) && Array.isArray(requested)) {
    const length = Math.max(recorded.length, requested.length);
    for (let i = 0; i < length; i++)
      walk(recorded[i], requested[i], appendJsonPath(path, i), entries);
    return;
  }
  if (isObject(recorded) && isObject(requested)) {
    for (const key of Object.keys(recorded)) {
      walk(recorded[key], requested[key], appendJsonPath(path, key), entries);
    }
    for (const key of Object.keys(requested)) {
      if (!Object.hasOwn(recorded, key)) {
        walk(undefined, requested[key], appendJsonPath(path, key), entries);
      }
    }
    return;
  }
  entries.push({ path, recorded, requested });
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface RenderJsonDiffOptions {
  /** Entries shown before `… and N more differences`. */
  maxEntries?: number;
  /** Each value is cut to this many characters. */
  maxValueChars?: number;
  /** How the whole-value path `''` is written. */
  rootLabel?: string;
  /** Put before every line. */
  indent?: string;
}

/** `messages[2].content: recorded "Hi" → requested "Hello"`, one line per entry. */
export function renderJsonDiff(
  entries: readonly JsonDiffEntry[],
  options: RenderJsonDiffOptions = {},
): string {
  const { maxEntries = 8, maxValueChars = 80, rootLabel = '(whole value)', indent = '' } = options;
  const lines = entries.slice(0, maxEntries).map((entry) => {
    const recorded = previewJson(entry.recorded, maxValueChars);
    const requested = previewJson(entry.requested, maxValueChars);
    return `${indent}${entry.path || rootLabel}: recorded ${recorded} → requested ${requested}`;
  });
  const more = entries.length - maxEntries;
  if (more > 0) lines.push(`${indent}… and ${more} more difference${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}
