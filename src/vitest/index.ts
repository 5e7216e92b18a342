/**
 * `import { test, expect } from 'llm-cassette/vitest'`: vitest's `test` with a `cassette` fixture,
 * and `expect` with the metadata matchers. Importing it installs the fetch interceptor first, so
 * SDK clients a test file constructs at module load are intercepted.
 */
import '../register.ts';
import { expect } from 'vitest';
import { llmCassetteMatchers } from './matchers/index.ts';

expect.extend(llmCassetteMatchers);

export {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  onTestFailed,
  onTestFinished,
  vi,
} from 'vitest';
export { cassetteNameFor } from './cassette-name.ts';
export { type CassetteFixtures, test, test as it } from './cassette-test.ts';
export type { CassetteUse } from './cassette-use.ts';
export { type CassetteFixtureOptions, configureCassettes } from './configure.ts';
export {
  type CostExpectation,
  type LlmCassetteMatchers,
  llmCassetteMatchers,
  type RecordedCassette,
  type RecordedMetadataOptions,
  type UsageExpectation,
} from './matchers/index.ts';
export { UnknownMetadataFieldError } from './matchers/metadata-fields.ts';
export type { CassetteRunSummary, CassetteSummaryRow } from './run-summary.ts';
