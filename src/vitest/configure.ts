import type { CassetteOptions } from '../recorder/cassette-session.ts';

/** Options of the `cassette` fixture: those of `useCassette`, less what the fixture decides. */
export type CassetteFixtureOptions = Omit<CassetteOptions, 'testFile'>;

let configured: CassetteFixtureOptions = {};

/**
 * Sets the options of every `cassette` fixture in this worker (call it from a vitest
 * `setupFiles` module): `configureCassettes({ dir: 'test/cassettes', redact: {...} })`.
 * Per suite or file, `test.override({ cassetteOptions: {...} })` adds to them. `dir` is relative
 * to the project root.
 */
export function configureCassettes(options: CassetteFixtureOptions): void {
  configured = { ...options };
}

export function configuredOptions(): CassetteFixtureOptions {
  return configured;
}
