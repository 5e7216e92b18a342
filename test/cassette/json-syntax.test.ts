import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from '../../src/cassette/json-syntax.ts';

describe('locateJsonSyntaxError', () => {
  it('accepts whatever JSON.parse accepts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(locateJsonSyntaxError(JSON.stringify(value, null, pretty ? 2 : 0))).toBeUndefined();
      }),
    );
  });

  it('finds an error in every text JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 3 }), (value, at, junk) => {
        const valid = JSON.stringify(value, null, 2);
        const cut = at % (valid.length + 1);
        const text = valid.slice(0, cut) + junk + valid.slice(cut);
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(locateJsonSyntaxError(text) === undefined).toBe(parses);
      }),
    );
  });

  it('gives 1-based line and column of the offending character', () => {
    expect(locateJsonSyntaxError('{\n  "a": 1,\n  "b": 2,\n}')).toMatchObject({
      line: 4,
      column: 1,
      message: 'expected a property name in double quotes, found "}"',
    });
    expect(locateJsonSyntaxError('[1, 2')).toMatchObject({ line: 1, column: 6 });
    expect(locateJsonSyntaxError('{"a": "b\nc"}')).toMatchObject({ line: 1, column: 9 });
    expect(locateJsonSyntaxError('{} x')).toMatchObject({ line: 1, column: 4 });
  });
});
