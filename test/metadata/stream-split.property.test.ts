import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/index.ts';
import { REAL_CASES } from '../providers/real-cases.ts';
import { extractChunks, RECORDED_AT, splitAt } from './stream-text.ts';

const STREAMS = REAL_CASES.filter((c) => c.meta.stream);

describe('a stream split anywhere gives the same record', () => {
  for (const c of STREAMS) {
    it(c.name, () => {
      const whole = extractMetadata({
        request: c.request,
        response: c.body,
        url: c.url,
        recorded_at: RECORDED_AT,
      });
      fc.assert(
        fc.property(fc.array(fc.nat({ max: c.body.length }), { maxLength: 40 }), (offsets) => {
          const split = extractChunks(splitAt(c.body, offsets), { request: c.request, url: c.url });
          expect(split).toEqual(whole);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('one character at a time', () => {
    for (const c of STREAMS.slice(0, 6)) {
      const whole = extractMetadata({
        request: c.request,
        response: c.body,
        url: c.url,
        recorded_at: RECORDED_AT,
      });
      expect(extractChunks([...c.body], { request: c.request, url: c.url })).toEqual(whole);
    }
  });
});
