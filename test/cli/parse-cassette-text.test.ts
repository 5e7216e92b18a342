import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../src/cassette/store.ts';
import { parseCassetteText } from '../../src/cli/parse-cassette-text.ts';
import { SHIPPED_CASSETTES } from '../support/cli-process.ts';

const texts = readdirSync(SHIPPED_CASSETTES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(SHIPPED_CASSETTES, f), 'utf8'));

function outcome(parse: (text: string, path: string) => unknown, text: string) {
  try {
    return { value: parse(text, 'c.json') };
  } catch (error) {
    return { error: (error as Error).message, code: (error as { code?: string }).code };
  }
}

/** Sets `value` at a path chosen by `steps` inside `root` (a copy). */
function mutate(root: unknown, steps: number[], value: unknown): unknown {
  const copy = structuredClone(root);
  let node = copy as Record<string, unknown>;
  for (const [i, step] of steps.entries()) {
    if (node === null || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length]!;
    const child = node[key];
    if (i === steps.length - 1 || child === null || typeof child !== 'object') {
      node[key] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

describe('parseCassetteText (the fast path of validate and report)', () => {
  it('gives what parseCassette gives for every shipped cassette', () => {
    for (const text of texts) {
      expect(parseCassetteText(text, 'c.json')).toEqual(parseCassette(text, 'c.json'));
    }
  });

  it('agrees with parseCassette, value or error, on mutated cassettes', () => {
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        (which, steps, value) => {
          const text = JSON.stringify(mutate(JSON.parse(texts[which]!), steps, value));
          expect(outcome(parseCassetteText, text)).toEqual(outcome(parseCassette, text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports syntax errors and other versions as parseCassette does', () => {
    for (const text of ['{"version": 1,', '{"version": 2, "name": "x"}', '\uFEFF[]']) {
      expect(outcome(parseCassetteText, text)).toEqual(outcome(parseCassette, text));
    }
  });
});
