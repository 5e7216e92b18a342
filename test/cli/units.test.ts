import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAge, formatCost, formatCount, formatMs } from '../../src/cli/render/units.ts';
import { streamTimeline } from '../../src/cli/stream-timeline.ts';

describe('figures as the CLI prints them', () => {
  it('prints costs as plain decimals, never in exponent form, within 1e-10 of the value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), (usd) => {
        const text = formatCost(usd);
        expect(text).toMatch(/^\$\d+(\.\d+)?$/);
        expect(Math.abs(Number(text.slice(1)) - usd)).toBeLessThanOrEqual(1e-10 + usd * 1e-15);
      }),
    );
    expect(formatCost(0.00000735)).toBe('$0.00000735');
    expect(formatCost(null)).toBe('—');
  });

  it('prints counts, durations and ages for people', () => {
    expect(formatCount(71505)).toBe('71,505');
    expect(formatMs(4.4)).toBe('4 ms');
    expect(formatMs(1234)).toBe('1.23 s');
    expect(formatAge(45 * 86_400_000 + 5)).toBe('45d');
    expect(formatAge(90_000)).toBe('1m');
    expect(formatAge(undefined)).toBe('—');
  });

  it('folds a stream into runs that account for every event', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 50 }), (types) => {
        const events = types.map((type, t) => ({ t, json: { type } }));
        const timeline = streamTimeline(events);
        expect(timeline.reduce((n, e) => n + e.count, 0)).toBe(events.length);
        for (const [i, entry] of timeline.entries()) {
          if (i > 0) expect(entry.label).not.toBe(timeline[i - 1]!.label);
          expect(entry.last_ms).toBeGreaterThanOrEqual(entry.first_ms);
        }
      }),
    );
  });
});
