import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { writeLastRun } from '../run-log/last-run.ts';
import { type CassetteUse, CassetteUseSchema, TASK_META_KEY } from './cassette-use.ts';
import { renderCassetteSummary, summarizeCassetteUses } from './run-summary.ts';

export interface CassetteReporterOptions {
  /** Also write the summary as JSON to this file (relative to the project root). */
  outputFile?: string;
}

/**
 * The end-of-run summary of cassettes: recorded, replayed, unused and missing, per cassette.
 * Each test's fixture puts what its cassette did in the test's task meta, which vitest sends
 * from the worker with the result: threads, forks and every `--shard` report without sharing
 * state, and each shard's run summarises its own part.
 *
 *   // vitest.config.ts
 *   reporters: ['default', 'llm-cassette/vitest/reporter']
 */
export default class CassetteReporter implements Reporter {
  private vitest: Vitest | undefined;

  constructor(private readonly options: CassetteReporterOptions = {}) {}

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  async onTestRunEnd(testModules: ReadonlyArray<TestModule>): Promise<void> {
    const uses: CassetteUse[] = [];
    for (const module of testModules) {
      for (const testCase of module.children.allTests()) {
        const parsed = CassetteUseSchema.safeParse(testCase.meta()[TASK_META_KEY]);
        if (parsed.success) uses.push(parsed.data);
      }
    }
    if (uses.length === 0) return;
    await this.writeLastRun(uses, testModules);
    const summary = summarizeCassetteUses(uses);
    const text = renderCassetteSummary(summary);
    if (this.vitest) this.vitest.logger.log(`\n${text}\n`);
    else process.stdout.write(`\n${text}\n`);
    if (this.options.outputFile) {
      const path = resolve(this.vitest?.config.root ?? process.cwd(), this.options.outputFile);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify(summary, null, 2)}\n`);
    }
  }

  /**
   * `.llm-cassette/last-run.json`: the cassettes this run used, for `llm-cassette prune`.
   * Marked incomplete when the run did not cover the whole suite (`-t`, `--shard`, file
   * filters), since prune must not remove what an unrun test uses.
   */
  private async writeLastRun(
    uses: CassetteUse[],
    testModules: ReadonlyArray<TestModule>,
  ): Promise<void> {
    const root = this.vitest?.config.root ?? process.cwd();
    let complete = false;
    if (this.vitest && !this.vitest.config.shard && !this.vitest.config.testNamePattern) {
      const all = await this.vitest.globTestSpecifications();
      const ran = new Set(testModules.map((m) => m.moduleId));
      complete = all.every((spec) => ran.has(spec.moduleId));
    }
    await writeLastRun(root, {
      used: uses.map((use) => relative(root, resolve(root, use.path)).split(sep).join('/')),
      complete,
    });
  }
}

export { CassetteReporter };
