/**
 * Short, readable renderings of JSON values for error messages: long strings and big bodies are
 * cut with `…` so that an error about a 40 kB request still fits on a screen.
 */

/** `JSON.stringify(value)`, cut to `maxChars` with a trailing `…`; `(absent)` for `undefined`. */
export function previewJson(value: unknown, maxChars = 80): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return truncate(text, maxChars);
}

export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

/**
 * A one-line outline of a body: top-level scalars shown (cut), nested arrays and objects
 * reduced to their size, e.g. `{"model":"gpt-4o-mini","messages":[3 items],"stream":true}`.
 */
export function summarizeJson(value: unknown, maxChars = 200): string {
  if (value === undefined) return '(no body)';
  if (typeof value === 'string') return truncate(JSON.stringify(value), maxChars);
  if (Array.isArray(value)) return `[${value.length} items]`;
  if (value === null || typeof value !== 'object') return String(value);
  const parts: string[] = [];
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    parts.push(`${JSON.stringify(key)}:${outline(member)}`);
  }
  return truncate(`{${parts.join(',')}}`, maxChars);
}

function outline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} ${value.length === 1 ? 'item' : 'items'}]`;
  if (value !== null && typeof value === 'object') {
    const size = Object.keys(value).length;
    return `{${size} ${size === 1 ? 'key' : 'keys'}}`;
  }
  return previewJson(value, 40);
}
