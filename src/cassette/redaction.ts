import type { Interaction, RecordedHeaders } from './format.ts';
import { mapAtPaths, parseJsonPathPattern } from './json-path.ts';

/** What a redacted value is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Always redacted, in requests and responses, whatever the user's rules say: credentials and
 * account identifiers that SDKs send as headers or query parameters.
 */
export const DEFAULT_REDACTION: {
  readonly headers: readonly string[];
  readonly queryParams: readonly string[];
} = Object.freeze({
  headers: Object.freeze([
    'authorization',
    'x-api-key',
    'api-key',
    'openai-organization',
    'openai-project',
    'cookie',
    'set-cookie',
    'proxy-authorization',
    'x-goog-api-key',
  ]),
  queryParams: Object.freeze(['key', 'api_key', 'api-key', 'access_token', 'token']),
});

/** A user's own redaction: it extends `DEFAULT_REDACTION`, never replaces it. */
export interface RedactionRules {
  /** More header names (any case), redacted in requests and responses. */
  headers?: readonly string[];
  /** More query parameter names (any case). */
  queryParams?: readonly string[];
  /**
   * Paths inside JSON bodies (`metadata.user_id`, `messages[*].content`), applied to the request
   * body, the response body and every SSE event's JSON. Present values become `[REDACTED]`.
   */
  bodyPaths?: readonly string[];
  /**
   * A hook given a copy of the interaction; it returns the interaction to keep. It runs first,
   * and the default rules are applied again afterwards, so it cannot undo them.
   */
  redact?: (interaction: Interaction) => Interaction;
}

/**
 * Rules from two places (the project's config file and a cassette's options) in force together:
 * names and paths add up, and both hooks run, the project's first.
 */
export function combineRedactionRules(
  first: RedactionRules | undefined,
  second: RedactionRules | undefined,
): RedactionRules | undefined {
  if (!first) return second;
  if (!second) return first;
  const hooks = [first.redact, second.redact].filter((hook) => hook !== undefined);
  return {
    headers: [...(first.headers ?? []), ...(second.headers ?? [])],
    queryParams: [...(first.queryParams ?? []), ...(second.queryParams ?? [])],
    bodyPaths: [...(first.bodyPaths ?? []), ...(second.bodyPaths ?? [])],
    ...(hooks.length > 0
      ? { redact: (interaction: Interaction) => hooks.reduce((i, hook) => hook(i), interaction) }
      : {}),
  };
}

/** Returns the interaction with every rule applied; the input is left as it was. */
export function redactInteraction(
  interaction: Interaction,
  rules: RedactionRules = {},
): Interaction {
  let result = rules.redact ? rules.redact(structuredClone(interaction)) : interaction;
  const headers = lowerCaseSet(DEFAULT_REDACTION.headers, rules.headers);
  const queryParams = lowerCaseSet(DEFAULT_REDACTION.queryParams, rules.queryParams);
  const bodyPaths = (rules.bodyPaths ?? []).map(parseJsonPathPattern);
  const replace = (found: unknown) => (found === undefined ? found : REDACTED);

  const request = { ...result.request };
  request.headers = redactHeaders(request.headers, headers);
  request.url = redactQueryParams(request.url, queryParams);
  if (bodyPaths.length > 0 && request.body_format === 'json' && request.body !== undefined) {
    request.body = mapAtPaths(request.body, bodyPaths, replace);
  }

  const response = { ...result.response };
  response.headers = redactHeaders(response.headers, headers);
  if (bodyPaths.length > 0) {
    if (response.body_format === 'json' && response.body !== undefined) {
      response.body = mapAtPaths(response.body, bodyPaths, replace);
    }
    if (response.events) {
      response.events = response.events.map((event) =>
        event.json === undefined
          ? event
          : { ...event, json: mapAtPaths(event.json, bodyPaths, replace) },
      );
    }
  }
  result = { ...result, request, response };
  return result;
}

function lowerCaseSet(defaults: readonly string[], extra: readonly string[] | undefined) {
  return new Set([...defaults, ...(extra ?? [])].map((name) => name.toLowerCase()));
}

function redactHeaders(headers: RecordedHeaders, names: ReadonlySet<string>): RecordedHeaders {
  let copy: RecordedHeaders | undefined;
  for (const name of Object.keys(headers)) {
    if (names.has(name.toLowerCase()) && headers[name] !== REDACTED) {
      copy ??= { ...headers };
      copy[name] = REDACTED;
    }
  }
  return copy ?? headers;
}

/**
 * Replaces the values of the named query parameters, leaving the rest of the URL byte for byte
 * as it was (a URL/URLSearchParams round trip would re-encode it and hide `[REDACTED]` as
 * `%5BREDACTED%5D`).
 */
export function redactQueryParams(url: string, names: ReadonlySet<string>): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const hashStart = url.indexOf('#', queryStart);
  const queryEnd = hashStart === -1 ? url.length : hashStart;
  const pairs = url.slice(queryStart + 1, queryEnd).split('&');
  let changed = false;
  const redacted = pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    if (!names.has(decodeQueryComponent(rawName).toLowerCase())) return pair;
    if (pair.slice(eq + 1) === REDACTED) return pair;
    changed = true;
    return `${rawName}=${REDACTED}`;
  });
  if (!changed) return url;
  return `${url.slice(0, queryStart + 1)}${redacted.join('&')}${url.slice(queryEnd)}`;
}

function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
