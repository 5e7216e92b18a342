import { readFileSync } from 'node:fs';
import { REAL_FIXTURES_DIR } from '../../support/fixtures.ts';

/** The real recording every call of the fixture project gets from the stand-in. */
export const SERVED_CASE = 'openai-chat-json-text-2';
/** Its recorded request body, as JSON text. */
export const SERVED_REQUEST = readFileSync(
  `${REAL_FIXTURES_DIR}${SERVED_CASE}.request.json`,
  'utf8',
).trim();
const request = SERVED_REQUEST;

/** A test that makes the recorded call through the official SDK, then runs `after`. */
const callTest = (title: string, after = '', kind = 'test') =>
  `${kind}(${JSON.stringify(title)}, async ({ cassette }) => {
    const completion = await openai.chat.completions.create(request);
    expect(completion.choices[0].message.content).toBe('The capital of France is Paris.');
    expect(cassette.name).toContain(${JSON.stringify(title.replace(/[<>:"/\\|?*]/g, '_'))});${after}
  });`;

const header = `import OpenAI from 'openai';
import { describe, expect, test } from 'llm-cassette/vitest';
import { extractMetadata } from 'llm-cassette';

// Constructed at module load, before any cassette: the import above installed the interceptor.
const openai = new OpenAI({ apiKey: 'sk-test-fixture-project', maxRetries: 0 });
const request = ${request};
const URL = 'https://api.openai.com/v1/chat/completions';
`;

/**
 * A project with two test files (5 calls): nested describes, a test that fails after its call,
 * a title with characters no file system accepts. Its setup sends recordings to the stand-in
 * named by STANDIN_ORIGIN, keeping the provider's URL in the cassette.
 */
export const CHAT_PROJECT: Record<string, string> = {
  'vitest.config.mjs': `import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    reporters: ['default', ['llm-cassette/vitest/reporter', { outputFile: 'cassette-summary.json' }]],
  },
});
`,
  'test/setup.ts': `import { upstreamAt } from 'llm-cassette';
import { configureCassettes } from 'llm-cassette/vitest';

const standIn = process.env.STANDIN_ORIGIN;
if (standIn) {
  configureCassettes({ upstream: upstreamAt(standIn) });
}
`,
  'test/chat.test.ts': `${header}
describe('chat', () => {
  describe('streaming off', () => {
    ${callTest(
      'answers',
      `
    // While recording, the cassette holds what this test just recorded; in replay, what it loaded.
    const { metadata } = extractMetadata({ request, response: completion, url: URL, status: 200 });
    expect(metadata).toMatchRecordedMetadata(cassette);
    expect(metadata).toHaveUsage({ prompt_tokens: 14, completion_tokens: 7 });`,
    )}
  });
  ${callTest('fails after the call', "\n    expect('the answer').toBe('another answer');")}
});

${callTest('top level: "quoted" a/b?')}
`,
  'test/more.test.ts': `${header}
// Concurrent tests: each call finds its own test's cassette through the async context.
${callTest('first', '', 'test.concurrent')}
${callTest('second', '', 'test.concurrent')}
`,
};

/** The cassettes of the project's passing tests, as the fixture names them. */
export const PASSING_CASSETTES = [
  'test/chat.test.ts/chat > streaming off > answers.json',
  'test/chat.test.ts/top level_ _quoted_ a_b_.json',
  'test/more.test.ts/first.json',
  'test/more.test.ts/second.json',
];
export const FAILING_CASSETTE = 'test/chat.test.ts/chat > fails after the call.json';
