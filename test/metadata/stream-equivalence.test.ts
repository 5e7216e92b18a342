import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/index.ts';
import { REAL_CASES } from '../providers/real-cases.ts';
import { RECORDED_AT } from './stream-text.ts';
import { anthropicStream, chatStream, responsesStream } from './synthesize-stream.ts';

const SYNTHESIZE = {
  'chat.completions': chatStream,
  responses: responsesStream,
  messages: anthropicStream,
} as const;

/** Keys that legitimately differ between the two forms of one call. */
const FORM_KEYS = ['stream', 'latency_ms', 'time_to_first_token_ms', 'usage_source'];

function withoutFormKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !FORM_KEYS.includes(key)));
}

describe('the same call as a response and as a stream gives the same record', () => {
  for (const c of REAL_CASES.filter((c) => !c.meta.stream && c.meta.status < 400)) {
    it(c.name, () => {
      const body = JSON.parse(c.body);
      const streamText = SYNTHESIZE[c.meta.api](body);
      const fromBody = extractMetadata({
        request: c.request,
        response: body,
        url: c.url,
        recorded_at: RECORDED_AT,
      });
      const fromStream = extractMetadata({
        request: c.request,
        response: streamText,
        url: c.url,
        recorded_at: RECORDED_AT,
      });
      expect(fromStream.metadata.stream).toBe(true);
      expect(fromBody.metadata.stream).toBe(false);
      expect(withoutFormKeys(fromStream.metadata)).toEqual(withoutFormKeys(fromBody.metadata));
      expect(fromStream.message).toEqual(fromBody.message);
    });
  }
});
