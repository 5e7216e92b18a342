import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
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
}

export { CassetteReporter };
