import { canonicalJson } from './canonical-json.ts';
import type { Interaction, JsonValue, RecordedRequest } from './format.ts';
import { diffJson, type JsonDiffEntry } from './json-diff.ts';
import {
  type JsonPathPatternSegment,
  mapAtPaths,
  parseJsonPathPattern,
  REMOVE,
} from './json-path.ts';
import { DEFAULT_REDACTION, type RedactionRules } from './redaction.ts';

/** How a request is matched to a recorded one. Computed at replay time: no re-recording needed. */
export interface MatchOptions {
  /**
   * Body fields left out of the comparison, as paths with `[*]` wildcards:
   * `metadata.user_id`, `messages[*].cache_control`.
   */
  ignoreBodyFields?: string[];
  /**
   * Query parameters left out of the comparison (any case). The parameters in
   * `DEFAULT_REDACTION.queryParams` are always left out: their values are never stored.
   */
  ignoreQueryParams?: string[];
  /**
   * Request headers that must be equal (any case). None by default: SDKs send headers that vary
   * by machine and by retry (`X-Stainless-*`).
   */
  matchHeaders?: string[];
  /** Your own body comparison; replaces the canonical-JSON one (method and URL still apply). */
  match?: (requested: RecordedRequest, recorded: RecordedRequest) => boolean;
  /**
   * Once every recording of a request has replayed, replay its last one again instead of
   * failing (polling loops, benchmarks). Off by default: one recording answers one request.
   */
  allowPlaybackRepeats?: boolean;
}

/** One way a recorded request differs from the requested one. */
export interface RequestDifference extends JsonDiffEntry {
  /** `url` for the origin and path, with `query.<name>` entries for parameters. */
  part: 'method' | 'url' | 'query' | 'header' | 'body';
}

export interface ClosestMatch {
  /** Position in the cassette's `interactions`. */
  index: number;
  request: RecordedRequest;
  /** Already replayed in this run. */
  used: boolean;
  /** Empty when the request is identical (a repeat beyond the recorded count). */
  differences: RequestDifference[];
}

export type MatchResult =
  | { matched: true; index: number; interaction: Interaction }
  | {
      matched: false;
      /** Set when identical requests were recorded, but fewer times than requested. */
      repeat?: { recorded: number; requested: number };
    };

export interface Matcher {
  /** Finds the next unused recording of this request and marks it used. */
  take(request: RecordedRequest): MatchResult;
  /** Indices of the interactions never taken (nor added as used). */
  unused(): number[];
  /** Recorded requests ranked by likeness to `request`, with their differences. */
  closest(request: RecordedRequest, n?: number): ClosestMatch[];
  /** Appends a new recording (auto mode); `used` (default true) when it answered a request. */
  add(interaction: Interaction, options?: { used?: boolean }): number;
  readonly interactions: readonly Interaction[];
}

/**
 * The match options to replay a cassette written with `redaction`: a redacted body path or query
 * parameter holds `[REDACTED]` in the file and the real value in the request, so it is left out
 * of the comparison, and a redacted header cannot be one of `matchHeaders`.
 */
export function matchOptionsForRedaction(
  options: MatchOptions,
  redaction: RedactionRules | undefined,
): MatchOptions {
  if (!redaction) return options;
  const redactedHeaders = new Set(
    [...DEFAULT_REDACTION.headers, ...(redaction.headers ?? [])].map((h) => h.toLowerCase()),
  );
  return {
    ...options,
    ignoreBodyFields: [...(options.ignoreBodyFields ?? []), ...(redaction.bodyPaths ?? [])],
    ignoreQueryParams: [...(options.ignoreQueryParams ?? []), ...(redaction.queryParams ?? [])],
    matchHeaders: (options.matchHeaders ?? []).filter((h) => !redactedHeaders.has(h.toLowerCase())),
  };
}

interface Bucket {
  /** Interaction indices, in recorded order; identical requests replay in this order. */
  indices: number[];
  /** `indices` before this position are all used. */
  cursor: number;
  requested: number;
}

/**
 * Indexes the recorded requests once, so that replaying a request is one key computation for
 * the request plus a `Map` lookup, whatever the cassette's size.
 */
export function createMatcher(
  recorded: readonly Interaction[],
  options: MatchOptions = {},
): Matcher {
  const interactions: Interaction[] = [...recorded];
  const used: boolean[] = interactions.map(() => false);
  const ignoredParams = new Set(
    [...DEFAULT_REDACTION.queryParams, ...(options.ignoreQueryParams ?? [])].map((p) =>
      p.toLowerCase(),
    ),
  );
  const ignoredFields = (options.ignoreBodyFields ?? []).map(parseJsonPathPattern);
  const matchHeaders = [
    ...new Set((options.matchHeaders ?? []).map((h) => h.toLowerCase())),
  ].sort();
  const userMatch = options.match;
  const buckets = new Map<string, Bucket>();

  // A client calls the same few URLs over and over: parse each one once.
  const urlParts = new Map<string, string>();
  const keyOf = (request: RecordedRequest): string => {
    let route: string;
    if (matchHeaders.length === 0) {
      const memo = `${request.method} ${request.url}`;
      route = urlParts.get(memo) ?? routeKey(request, ignoredParams, matchHeaders);
      if (urlParts.size < 1024) urlParts.set(memo, route);
    } else {
      route = routeKey(request, ignoredParams, matchHeaders);
    }
    // A user matcher compares bodies itself: bucket by route only, then ask it.
    return userMatch ? route : `${route}\n${bodyKey(request, ignoredFields)}`;
  };
  const index = (i: number) => {
    const key = keyOf(interactions[i]!.request);
    const bucket = buckets.get(key);
    if (bucket) bucket.indices.push(i);
    else buckets.set(key, { indices: [i], cursor: 0, requested: 0 });
  };
  for (let i = 0; i < interactions.length; i++) index(i);

  return {
    interactions,
    take(request) {
      const key = keyOf(request);
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = { indices: [], cursor: 0, requested: 0 };
        buckets.set(key, bucket);
      }
      bucket.requested++;
      if (!userMatch) {
        // Recordings before the cursor are all used: identical requests cost O(1) each.
        while (bucket.cursor < bucket.indices.length && used[bucket.indices[bucket.cursor]!]) {
          bucket.cursor++;
        }
        const i = bucket.indices[bucket.cursor];
        if (i !== undefined) {
          used[i] = true;
          return { matched: true, index: i, interaction: interactions[i]! };
        }
        if (bucket.indices.length === 0) return { matched: false };
        if (options.allowPlaybackRepeats) {
          const last = bucket.indices[bucket.indices.length - 1]!;
          return { matched: true, index: last, interaction: interactions[last]! };
        }
        // Every identical recording has been replayed: this is one request too many.
        return {
          matched: false,
          repeat: { recorded: bucket.indices.length, requested: bucket.requested },
        };
      }
      let recordedCount = 0;
      let lastMatch: number | undefined;
      for (const i of bucket.indices) {
        const interaction = interactions[i]!;
        if (!userMatch(request, interaction.request)) continue;
        recordedCount++;
        lastMatch = i;
        if (used[i]) continue;
        used[i] = true;
        return { matched: true, index: i, interaction };
      }
      if (lastMatch === undefined) return { matched: false };
      if (options.allowPlaybackRepeats) {
        return { matched: true, index: lastMatch, interaction: interactions[lastMatch]! };
      }
      return { matched: false, repeat: { recorded: recordedCount, requested: recordedCount + 1 } };
    },
    unused() {
      const out: number[] = [];
      for (let i = 0; i < used.length; i++) if (!used[i]) out.push(i);
      return out;
    },
    closest(request, n = 3) {
      const requested = describe(request, ignoredParams, ignoredFields, matchHeaders);
      const ranked = interactions.map((interaction, i) => {
        const recordedView = describe(
          interaction.request,
          ignoredParams,
          ignoredFields,
          matchHeaders,
        );
        const differences = compare(recordedView, requested);
        return { index: i, request: interaction.request, used: used[i]!, differences };
      });
      ranked.sort(
        (a, b) =>
          distance(a.differences) - distance(b.differences) ||
          Number(a.used) - Number(b.used) ||
          a.index - b.index,
      );
      return ranked.slice(0, n);
    },
    add(interaction, addOptions = {}) {
      interactions.push(interaction);
      used.push(addOptions.used ?? true);
      const i = interactions.length - 1;
      index(i);
      return i;
    },
  };
}

function routeKey(
  request: RecordedRequest,
  ignoredParams: ReadonlySet<string>,
  matchHeaders: readonly string[],
): string {
  const { base, query } = splitUrl(request.url, ignoredParams);
  let key = `${request.method.toUpperCase()} ${base}?${query
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&')}`;
  if (matchHeaders.length > 0) {
    const headers = lowerCaseHeaders(request.headers);
    for (const name of matchHeaders) key += `\n${name}: ${headers[name] ?? ''}`;
  }
  return key;
}

function bodyKey(request: RecordedRequest, ignoredFields: readonly JsonPathPatternSegment[][]) {
  if (request.body === undefined) return '-';
  const format = request.body_format ?? 'json';
  if (format !== 'json') return `${format} ${String(request.body)}`;
  return `json ${canonicalJson(stripFields(request.body, ignoredFields))}`;
}

function stripFields(
  body: JsonValue | undefined,
  ignoredFields: readonly JsonPathPatternSegment[][],
): JsonValue | undefined {
  if (body === undefined || ignoredFields.length === 0) return body;
  return mapAtPaths(body, ignoredFields, () => REMOVE);
}

/**
 * Origin and path as the URL parser normalizes them (host case, default port), and the query
 * parameters sorted by name then value, without the ignored ones: parameter order never matters.
 */
function splitUrl(url: string, ignoredParams: ReadonlySet<string>) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { base: url, query: [] as [string, string][] };
  }
  const query = [...parsed.searchParams.entries()]
    .filter(([name]) => !ignoredParams.has(name.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return { base: `${parsed.origin}${parsed.pathname}`, query };
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  return out;
}

/** The parts of a request that matching looks at, in comparable form. */
interface RequestView {
  method: string;
  base: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: JsonValue | undefined;
}

function describe(
  request: RecordedRequest,
  ignoredParams: ReadonlySet<string>,
  ignoredFields: readonly JsonPathPatternSegment[][],
  matchHeaders: readonly string[],
): RequestView {
  const { base, query } = splitUrl(request.url, ignoredParams);
  const queryRecord: Record<string, string> = {};
  for (const [name, value] of query) {
    queryRecord[name] = name in queryRecord ? `${queryRecord[name]}, ${value}` : value;
  }
  const allHeaders = lowerCaseHeaders(request.headers);
  const headers: Record<string, string> = {};
  for (const name of matchHeaders) {
    const value = allHeaders[name];
    if (value !== undefined) headers[name] = value;
  }
  const body =
    (request.body_format ?? 'json') === 'json'
      ? stripFields(request.body, ignoredFields)
      : request.body;
  return { method: request.method.toUpperCase(), base, query: queryRecord, headers, body };
}

function compare(recorded: RequestView, requested: RequestView): RequestDifference[] {
  const out: RequestDifference[] = [];
  if (recorded.method !== requested.method) {
    out.push({
      part: 'method',
      path: 'method',
      recorded: recorded.method,
      requested: requested.method,
    });
  }
  if (recorded.base !== requested.base) {
    out.push({ part: 'url', path: 'url', recorded: recorded.base, requested: requested.base });
  }
  // Wrapped so that the paths read `query.after`, `headers["x-team"]`.
  for (const entry of diffJson({ query: recorded.query }, { query: requested.query })) {
    out.push({ ...entry, part: 'query' });
  }
  for (const entry of diffJson({ headers: recorded.headers }, { headers: requested.headers })) {
    out.push({ ...entry, part: 'header' });
  }
  for (const entry of diffJson(recorded.body, requested.body)) out.push({ ...entry, part: 'body' });
  return out;
}

/** A different method or endpoint outweighs any number of body differences. */
function distance(differences: readonly RequestDifference[]): number {
  let total = 0;
  for (const difference of differences) {
    total += difference.part === 'method' ? 10_000 : difference.part === 'url' ? 1_000 : 1;
  }
  return total;
}
