import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets } from '../../src/cassette/secrets.ts';
import { mayHoldSecret } from '../../src/cli/secret-prefilter.ts';
import { SHIPPED_CASSETTES } from '../support/cli-process.ts';

// Synthetic key-shaped strings (no real key is ever in the repository).
const fake = [
  `sk-${'A1b2C3d4'.repeat(6)}`,
  `sk-proj-${'Ab3_x-Yz'.repeat(20)}`,
  `sk-ant-api03-${'Zx_9-Yw8'.repeat(12)}AA`,
  `AIza${'SyB1c2D3e4'.repeat(3)}F5g6h`,
  `gsk_${'a1B2c3D4'.repeat(7)}`,
  `xai-${'Q1w2E3r4'.repeat(10)}`,
  `Bearer ${'eyJhbGciOi'.repeat(4)}.abc`,
  `bearer\t${'eyJhbGciOi'.repeat(4)}`,
];

describe('mayHoldSecret (the prefilter before the secret scan in validate)', () => {
  it('never clears a file in which findSecrets finds a key, wherever the key is', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(...fake),
        fc.constantFrom(' ', '"', '=', ':', '\n', '\t', ''),
        fc.boolean(),
        (value, secret, separator, asKey) => {
          const text = `x${separator === '' ? ' ' : separator}${secret}${separator}`;
          const holder = asKey ? { payload: value, [text]: 1 } : { payload: value, note: text };
          expect(findSecrets(holder).length).toBeGreaterThan(0);
          expect(mayHoldSecret(JSON.stringify(holder, null, 2))).toBe(true);
        },
      ),
    );
  });

  it('is sound on arbitrary JSON: a finding always implies the prefilter fires', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (findSecrets(value).length > 0) expect(mayHoldSecret(JSON.stringify(value))).toBe(true);
      }),
    );
  });

  it('does not trust a \\u escape, which could spell a key in the file text', () => {
    expect(mayHoldSecret(JSON.stringify({ k: 'x' }).replace('x', '\\u0073k-'))).toBe(true);
  });

  it('clears most shipped cassettes (their keys are redacted), which is what makes it worth having', () => {
    const files = readdirSync(SHIPPED_CASSETTES).filter((f) => f.endsWith('.json'));
    const cleared = files.filter(
      (f) => !mayHoldSecret(readFileSync(join(SHIPPED_CASSETTES, f), 'utf8')),
    );
    expect(cleared.length).toBeGreaterThan(files.length / 2);
  });
});
