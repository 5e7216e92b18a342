import type { BodyFormat, JsonValue } from '../cassette/format.ts';

const TEXTUAL =
  /^(text\/|application\/(json|.*\+json|x-ndjson|xml|x-www-form-urlencoded|javascript))/i;

/** Stateless when used without `stream`, so one instance serves every request. */
const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Decides how a body is stored: parsed JSON when it parses (a diff then shows fields, not an
 * escaped string), text when the content type is textual, base64 only for binary bodies.
 */
export function encodeBody(
  bytes: Uint8Array,
  contentType: string | null,
): { body_format: BodyFormat; body: JsonValue } | undefined {
  if (bytes.byteLength === 0) return undefined;
  const textual = contentType === null || TEXTUAL.test(contentType);
  if (textual) {
    const text = utf8.decode(bytes);
    if (contentType === null || /json/i.test(contentType)) {
      try {
        return { body_format: 'json', body: JSON.parse(text) as JsonValue };
      } catch {
        // Not JSON after all: keep it verbatim as text.
      }
    }
    if (textual && !text.includes('\uFFFD')) return { body_format: 'text', body: text };
  }
  return { body_format: 'base64', body: Buffer.from(bytes).toString('base64') };
}

/** The exact bytes to send back for a stored body. */
export function decodeBody(
  format: BodyFormat | undefined,
  body: JsonValue | undefined,
): Uint8Array<ArrayBuffer> {
  if (format === undefined || body === undefined) return new Uint8Array();
  switch (format) {
    case 'json':
      return new TextEncoder().encode(JSON.stringify(body));
    case 'text':
      return new TextEncoder().encode(String(body));
    case 'base64':
      return Uint8Array.from(Buffer.from(String(body), 'base64'));
  }
}
