import type { RecordedHeaders, RecordedRequest } from '../cassette/format.ts';
import { encodeBody } from './body-format.ts';

export function headersToRecord(headers: Headers): RecordedHeaders {
  const out: RecordedHeaders = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/**
 * Reads a request into its stored form, with the body bytes to send on if it is recorded.
 * The body is consumed, not cloned (a clone tees the stream, the costliest step of a replay):
 * from here on the cassette answers the request itself, from a recording or from upstream.
 */
export async function captureRequest(
  request: Request,
): Promise<{ recorded: RecordedRequest; bytes: Uint8Array<ArrayBuffer> | undefined }> {
  const recorded: RecordedRequest = {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: headersToRecord(request.headers),
  };
  if (request.body === null) return { recorded, bytes: undefined };
  const bytes = new Uint8Array(await request.arrayBuffer());
  const encoded = encodeBody(bytes, request.headers.get('content-type'));
  if (encoded) Object.assign(recorded, encoded);
  return { recorded, bytes };
}
