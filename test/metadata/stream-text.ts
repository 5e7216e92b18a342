import { resolveCall } from '../../src/metadata/call.ts';
import { extractAssembled } from '../../src/metadata/extract.ts';
import type { Extraction } from '../../src/metadata/record.ts';
import { StreamAssembler } from '../../src/metadata/stream-assembler.ts';
import { detectApiFromUrl, detectProviderFromUrl } from '../../src/providers/detect.ts';
import { createSseParser } from '../../src/sse/parse.ts';

/** A fixed recording time, so that records without a provider timestamp compare equal. */
export const RECORDED_AT = '2025-06-01T12:00:00.000Z';

/** Extracts a stream fed as SSE text in the given chunks, as it would arrive off the network. */
export function extractChunks(
  chunks: readonly string[],
  options: { request?: unknown; url?: string | undefined },
): Extraction {
  const assembler = new StreamAssembler({
    api: detectApiFromUrl(options.url),
    provider: detectProviderFromUrl(options.url),
  });
  const parser = createSseParser((message) => {
    if (message.kind === 'event') assembler.pushData(message.data);
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  const call = resolveCall({
    request: options.request,
    response: '',
    url: options.url,
    recorded_at: RECORDED_AT,
  });
  return extractAssembled(assembler.finish(), call);
}

/** Cuts text at the given offsets (sorted, deduplicated, within bounds). */
export function splitAt(text: string, offsets: readonly number[]): string[] {
  const cuts = [...new Set(offsets.map((o) => Math.min(Math.max(o, 0), text.length)))].sort(
    (a, b) => a - b,
  );
  const chunks: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push(text.slice(start, cut));
    start = cut;
  }
  chunks.push(text.slice(start));
  return chunks;
}
