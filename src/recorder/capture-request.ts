import type { RecordedHeaders, RecordedRequest } from '../cassette/format.ts';
import { encodeBody } from './body-format.ts';

export function headersToRecord(headers: Headers): RecordedHeaders {
  const out: RecordedHeaders = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/** Reads a request (from a clone, so the original stays sendable) into its stored form. */
export async function captureRequest(request: Request): Promise<RecordedRequest> {
  const recorded: RecordedRequest = {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: headersToRecord(request.headers),
  };
  if (request.body !== null) {
    const bytes = new Uint8Array(await request.clone().arrayBuffer());
    const encoded = encodeBody(bytes, request.headers.get('content-type'));
    if (encoded) Object.assign(recorded, encoded);
  }
  return recorded;
}
