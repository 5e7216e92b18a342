import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Cassette } from '../../src/cassette/format.ts';
import {
  CHAT_PROJECT,
  FAILING_CASSETTE,
  PASSING_CASSETTES,
  SERVED_REQUEST,
} from './support/chat-project.ts';
import { FixtureProject, type VitestRun } from './support/fixture-project.ts';
import { copyOfProject, readSummary, recordChatProject } from './support/recorded-project.ts';

afterAll(() => FixtureProject.removeAll());

const readCassetteFile = (project: FixtureProject, name: string) =>
  readFileSync(join(project.root, 'cassettes', name), 'utf8');

describe('the cassette fixture, in a project that uses llm-cassette/vitest', () => {
  let recorded: FixtureProject;
  let recording: VitestRun;
  beforeAll(async () => {
    ({ project: recorded, run: recording } = await recordChatProject());
  });

  test('names each cassette cassettes/<test file>/<describe> > <test>.json, made safe', () => {
    expect(recording.output).toContain('Tests  1 failed | 4 passed (5)');
    expect(recorded.files()).toEqual(PASSING_CASSETTES);
    const cassette = JSON.parse(readCassetteFile(recorded, PASSING_CASSETTES[0]!)) as Cassette;
    expect(cassette.name).toBe('test/chat.test.ts/chat > streaming off > answers');
    // The SDK called the provider's URL; the stand-in only answered for it.
    expect(cassette.interactions.map((i) => i.request.url)).toEqual([
      'https://api.openai.com/v1/chat/completions',
    ]);
  });

  test('ejects the cassette of a failing test and writes nothing it recorded', () => {
    expect(recorded.files()).not.toContain(FAILING_CASSETTE);
    const row = readSummary(recorded).rows.find((r) => r.path === `cassettes/${FAILING_CASSETTE}`);
    // Ejected (its recording was counted), then discarded.
    expect(row).toMatchObject({ recorded: 1, written: false, discarded: true });
  });

  test('a failing test leaves the cassette already on disk as it was', async () => {
    const project = copyOfProject(recorded);
    const before = readCassetteFile(project, PASSING_CASSETTES[0]!).replace(
      'streaming off > answers',
      'fails after the call',
    );
    writeFileSync(join(project.root, 'cassettes', FAILING_CASSETTE), before);
    const { run } = await recordChatProject(project, ['test/chat.test.ts', '-t', 'fails after']);
    expect(run.code).toBe(1);
    expect(readCassetteFile(project, FAILING_CASSETTE)).toBe(before);
    expect(project.files()).toEqual([...PASSING_CASSETTES, FAILING_CASSETTE].sort());
  });

  test('replays what it recorded; a test with no recording fails naming the cassette', async () => {
    const project = copyOfProject(recorded);
    const run = await project.run([], { LLM_CASSETTE_MODE: 'replay' });
    expect(run.output).toContain('Tests  1 failed | 4 passed (5)');
    expect(run.output).toContain('NoMatchError: No recorded interaction in cassette');
    expect(run.output).toContain(
      "LLM_CASSETTE_MODE=record npx vitest run test/chat.test.ts -t '^chat fails after the call$'",
    );
    const summary = readSummary(project);
    expect(summary).toMatchObject({ cassettes: 5, replayed: 4, recorded: 0, missing: 1 });
    expect(project.files()).toEqual(PASSING_CASSETTES);
  });

  test('re-records one test with LLM_CASSETTE_MODE=record and -t, as snapshots are updated', async () => {
    const project = copyOfProject(recorded);
    const untouched = statSync(join(project.root, 'cassettes', PASSING_CASSETTES[3]!)).mtimeMs;
    const { run } = await recordChatProject(project, ['test/more.test.ts', '-t', '^first$']);
    expect(run.code).toBe(0);
    expect(readSummary(project)).toMatchObject({
      cassettes: 1,
      recorded: 1,
      written: 1,
      rows: [{ path: 'cassettes/test/more.test.ts/first.json', recorded: 1, written: true }],
    });
    expect(statSync(join(project.root, 'cassettes', PASSING_CASSETTES[3]!)).mtimeMs).toBe(
      untouched,
    );
    // The printed re-record command selects exactly the test it names.
    const again = await recordChatProject(project, [
      'test/chat.test.ts',
      '-t',
      '^chat fails after the call$',
    ]);
    expect(again.run.output).toContain('Tests  1 failed | 2 skipped (3)');
  });
});

describe('cassette options per file', () => {
  test('test.override({ cassetteOptions: { strict: true } }) fails a test that leaves recordings unused', async () => {
    const project = FixtureProject.create({
      'vitest.config.mjs': CHAT_PROJECT['vitest.config.mjs']!,
      'test/setup.ts': CHAT_PROJECT['test/setup.ts']!,
      'test/strict.test.ts': `import OpenAI from 'openai';
import { test } from 'llm-cassette/vitest';

const openai = new OpenAI({ apiKey: 'sk-test-fixture-project', maxRetries: 0 });
test.override({ cassetteOptions: { strict: process.env.STRICT === '1' } });

test('asks', async ({ cassette }) => {
  for (let i = 0; i < Number(process.env.CALLS); i++) {
    await openai.chat.completions.create(${SERVED_REQUEST});
  }
});
`,
    });
    await recordChatProject(project, [], { CALLS: '2' });
    const loose = await project.run([], { LLM_CASSETTE_MODE: 'replay', CALLS: '1' });
    expect(loose.code, loose.output).toBe(0);
    expect(readSummary(project)).toMatchObject({ replayed: 1, unused: 1 });
    const strict = await project.run([], { LLM_CASSETTE_MODE: 'replay', CALLS: '1', STRICT: '1' });
    expect(strict.code).toBe(1);
    expect(strict.output).toContain('UnusedInteractionsError');
  });
});
