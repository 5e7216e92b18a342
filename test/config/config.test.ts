import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE, InvalidConfigError, loadConfig } from '../../src/config/config.ts';
import { DurationSchema, durationMs } from '../../src/config/duration.ts';
import { cassetteExpiry } from '../../src/config/expiry.ts';
import { tempProject } from '../support/cli-process.ts';

describe('llm-cassette.config.json', () => {
  it('is found in the working folder or a parent; defaults when there is none', async () => {
    const root = await tempProject();
    const nested = join(root, 'packages', 'app');
    await mkdir(nested, { recursive: true });
    expect(await loadConfig({ from: nested })).toEqual({
      config: { cassettesDir: 'cassettes', onExpired: 'warn' },
      path: undefined,
    });
    await writeFile(join(root, CONFIG_FILE), '{"expiresIn": "30d", "onExpired": "fail"}');
    const loaded = await loadConfig({ from: nested });
    expect(loaded.path).toBe(join(root, CONFIG_FILE));
    expect(loaded.config).toMatchObject({ expiresIn: '30d', onExpired: 'fail' });
  });

  it('rejects misspelt keys and bad values, naming each', async () => {
    const root = await tempProject();
    await writeFile(join(root, CONFIG_FILE), '{"expiresin": "30d", "onExpired": "delete"}');
    const error = await loadConfig({ from: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).code).toBe('invalid_config');
    expect((error as Error).message).toContain('onExpired');
    expect((error as Error).message).toContain('expiresin');
  });
});

describe('durations', () => {
  it('reads every unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(['s', 1e3], ['m', 6e4], ['h', 3.6e6], ['d', 8.64e7], ['w', 6.048e8]),
        (n, [unit, ms]) => {
          expect(DurationSchema.safeParse(`${n}${unit}`).success).toBe(true);
          expect(durationMs(`${n}${unit}`)).toBe(n * (ms as number));
        },
      ),
    );
    for (const bad of ['30', 'd', '30 days', '-1d', '1y']) {
      expect(DurationSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('cassetteExpiry', () => {
  const at = (iso: string) => ({ recorded_at: iso });
  const now = new Date('2026-03-01T00:00:00.000Z');

  it('dates a cassette by its oldest recording', () => {
    const cassette = {
      interactions: [at('2026-02-20T00:00:00.000Z'), at('2026-01-30T00:00:00.000Z')],
    };
    const expiry = cassetteExpiry(cassette as never, { expiresIn: '30d', onExpired: 'warn' }, now);
    expect(expiry).toEqual({
      recorded_at: '2026-01-30T00:00:00.000Z',
      age_ms: 30 * 86_400_000,
      expires_at: '2026-03-01T00:00:00.000Z',
      expired: true,
      on_expired: 'warn',
    });
    const fresh = cassetteExpiry(cassette as never, { expiresIn: '31d', onExpired: 'warn' }, now);
    expect(fresh.expired).toBe(false);
  });

  it('never expires without expiresIn, nor an empty cassette', () => {
    const cassette = { interactions: [at('2000-01-01T00:00:00.000Z')] };
    expect(cassetteExpiry(cassette as never, { onExpired: 'fail' }, now).expired).toBe(false);
    const empty = cassetteExpiry({ interactions: [] }, { expiresIn: '1s', onExpired: 'fail' }, now);
    expect(empty).toMatchObject({ expired: false, age_ms: undefined });
  });
});
