import { test as vitestTest } from 'vitest';
import type { CassetteSession } from '../recorder/cassette-session.ts';
import { cassetteFixture } from './cassette-fixture.ts';
import type { CassetteFixtureOptions } from './configure.ts';

export interface CassetteFixtures {
  /** This test's cassette (created when a test asks for it). */
  cassette: CassetteSession;
  /** Options for this suite's cassettes: `test.override({ cassetteOptions: { strict: true } })`. */
  cassetteOptions: CassetteFixtureOptions;
}

/** vitest's `test` with a `cassette` fixture. */
export const test = vitestTest.extend<CassetteFixtures>({
  cassetteOptions: {},
  cassette: cassetteFixture,
});
