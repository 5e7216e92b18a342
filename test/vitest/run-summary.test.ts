import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LAST_RUN_FILE, readLastRun } from '../../src/run-log/last-run.ts';
import type { CassetteUse } from '../../src/vitest/cassette-use.ts';
import { renderCassetteSummary, summarizeCassetteUses } from '../../src/vitest/run-summary.ts';
import { FAILING_CASSETTE, PASSING_CASSETTES } from './support/chat-project.ts';
import { FixtureProject } from './support/fixture-project.ts';
import { readSummary, recordChatProject } from './support/recorded-project.ts';

afterAll(() => FixtureProject.removeAll());

const use = (path: string, counts: Partial<CassetteUse>): CassetteUse => ({
  path,
  mode: 'replay',
  replayed: 0,
  recorded: 0,
  unused: 0,
  missing: 0,
  written: false,
  discarded: false,
  ...counts,
});

describe('summarizeCassetteUses', () => {
  test('sums a cassette used by several tests and totals the run', () => {
    const summary = summarizeCassetteUses([
      use('cassettes/b.json', { replayed: 2, unused: 1 }),
      use('cassettes/a.json', { mode: 'record', recorded: 3, written: true }),
      use('cassettes/b.json', { replayed: 1, missing: 1 }),
    ]);
    expect(summary).toMatchObject({ cassettes: 2, replayed: 3, recorded: 3, unused: 1 });
    expect(summary.rows.map((r) => [r.path, r.replayed, r.missing])).toEqual([
      ['cassettes/a.json', 0, 0],
      ['cassettes/b.json', 3, 1],
    ]);
  });

  test('renders a totals line and one line per cassette, marking what needs attention', () => {
    const text = renderCassetteSummary(
      summarizeCassetteUses([
        use('cassettes/ok.json', { replayed: 12 }),
        use('cassettes/gone.json', { missing: 1 }),
        use('cassettes/failed.json', { mode: 'record', recorded: 1, discarded: true }),
      ]),
    );
    expect(text.split('\n')).toEqual([
      'llm-cassette: 3 cassettes · 12 replayed · 1 recorded · 0 unused · 1 missing · 1 discarded (failed tests)',
      '  replayed  recorded  unused  missing  cassette',
      '         0         1       0        0  cassettes/failed.json  (discarded: test failed)',
      '         0         0       0        1  cassettes/gone.json  (MISSING)',
      '        12         0       0        0  cassettes/ok.json',
    ]);
  });
});

describe('the end-of-run summary across workers, pools and shards', () => {
  let project: FixtureProject;
  beforeAll(async () => {
    ({ project } = await recordChatProject());
  });
  const everyCassette = [...PASSING_CASSETTES, FAILING_CASSETTE]
    .map((c) => `cassettes/${c}`)
    .sort();

  test.each(['threads', 'forks'])('merges every test file under the %s pool', async (pool) => {
    const run = await project.run([`--pool=${pool}`, '--maxWorkers=2'], {
      LLM_CASSETTE_MODE: 'replay',
    });
    const summary = readSummary(project);
    expect(summary).toMatchObject({
      cassettes: 5,
      replayed: 4,
      recorded: 0,
      unused: 0,
      missing: 1,
    });
    expect(summary.rows.map((r) => r.path)).toEqual(everyCassette);
    expect(run.stdout).toContain(
      'llm-cassette: 5 cassettes · 4 replayed · 0 recorded · 0 unused · 1 missing',
    );
    // The whole suite ran: the last-run record lists every cassette, for `llm-cassette prune`.
    expect(await readLastRun(join(project.root, LAST_RUN_FILE))).toMatchObject({
      complete: true,
      used: everyCassette,
    });
  });

  test('each --shard run summarises its own part; together they cover the suite', async () => {
    const paths: string[] = [];
    let replayed = 0;
    for (const shard of ['1/2', '2/2']) {
      const run = await project.run([`--shard=${shard}`], { LLM_CASSETTE_MODE: 'replay' });
      const summary = readSummary(project);
      expect(run.stdout).toContain(`llm-cassette: ${summary.cassettes} cassettes`);
      expect(summary.cassettes).toBeLessThan(5);
      paths.push(...summary.rows.map((r) => r.path));
      // A shard is not the whole suite: prune must not act on it.
      expect((await readLastRun(join(project.root, LAST_RUN_FILE))).complete).toBe(false);
      replayed += summary.replayed;
    }
    expect(paths.sort()).toEqual(everyCassette);
    expect(replayed).toBe(4);
  });
});
