import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../../src/usage/path-reader.ts';

/** What a dotted path means: step into non-null objects only. */
function reference(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

describe('readerFor (the paths of usage extractors)', () => {
  it('reads nested counts, and undefined through a missing, null or non-object step', () => {
    const read = readerFor('prompt_tokens_details.cached_tokens');
    expect(read({ prompt_tokens_details: { cached_tokens: 4012 } })).toBe(4012);
    expect(read({ prompt_tokens_details: null })).toBeUndefined();
    expect(read({ prompt_tokens_details: 5 })).toBeUndefined();
    expect(read({})).toBeUndefined();
    expect(read({ prompt_tokens_details: { cached_tokens: null } })).toBeNull();
  });

  it('agrees with the plain reading of a path on any JSON value', () => {
    const key = fc.constantFrom('a', 'b', 'usage', 'cached_tokens', 'x-odd', '0');
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(key, { minLength: 1, maxLength: 3 }), (value, keys) => {
        const path = keys.join('.');
        const holder = { [keys[0]!]: value };
        expect(readerFor(path)(holder)).toEqual(reference(holder, path));
        expect(readerFor(path)({})).toEqual(reference({}, path));
      }),
    );
  });
});
