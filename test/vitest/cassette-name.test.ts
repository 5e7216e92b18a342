import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cassetteNameFor } from '../../src/vitest/cassette-name.ts';

describe('cassetteNameFor', () => {
  test('is <test file>/<describe> > <test>', () => {
    expect(
      cassetteNameFor('test/chat.test.ts', ['chat route', 'reasoning', 'stores metadata']),
    ).toBe('test/chat.test.ts/chat route > reasoning > stores metadata');
  });

  test('replaces what no file system accepts, and never walks out of its folder', () => {
    expect(cassetteNameFor('test\\win.test.ts', ['a/b: "c"?', '..', 'tab\there. '])).toBe(
      'test/win.test.ts/a_b_ _c__ > _ > tab_here',
    );
    expect(cassetteNameFor('../outside.test.ts', ['x'])).toBe('_/outside.test.ts/x');
  });

  test('caps a long name with a hash, so two long names stay apart', () => {
    const long = (end: string) =>
      cassetteNameFor('t.test.ts', [`${'very long title '.repeat(20)}${end}`]);
    expect(Buffer.byteLength(long('a').split('/').at(-1)!)).toBeLessThanOrEqual(180);
    expect(long('a')).not.toBe(long('b'));
  });

  test('any titles give one safe file name of bounded length, the same every time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }),
        (titles) => {
          const name = cassetteNameFor('test/x.test.ts', titles);
          const file = name.slice('test/x.test.ts/'.length);
          // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters must be gone
          expect(file).not.toMatch(/[<:"/\\|?*\u0000-\u001f]/);
          expect(file).not.toMatch(/^\.\.?$|[. ]$/);
          expect(Buffer.byteLength(file)).toBeLessThanOrEqual(180);
          expect(cassetteNameFor('test/x.test.ts', titles)).toBe(name);
        },
      ),
    );
  });
});
