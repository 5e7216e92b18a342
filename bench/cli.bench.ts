import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { findCassetteFiles, readEach } from '../src/cli/cassette-files.ts';
import { validateDir } from '../src/cli/cassette-validation.ts';
import { buildReportData } from '../src/cli/report-data.ts';
import { LlmCassetteConfigSchema } from '../src/config/config.ts';

/**
 * `validate` and `report` over 1,000 cassettes against their floor: reading the same files and
 * `JSON.parse`-ing them (same concurrency). Target: each at most 3 × the floor. The cassettes are
 * the shipped real ones (JSON bodies and streams of every provider), copied round-robin into 10
 * folders, with recording dates spread over a year.
 */
const COUNT = 1_000;
const shipped = join(import.meta.dirname, '..', 'cassettes');
const sources = (await readdir(shipped)).filter((f) => f.endsWith('.json')).sort();
const texts = await Promise.all(sources.map((f) => readFile(join(shipped, f), 'utf8')));
const dir = await mkdtemp(join(tmpdir(), 'llm-cassette-cli-bench-'));
for (let i = 0; i < COUNT; i++) {
  const cassette = JSON.parse(texts[i % texts.length]!);
  cassette.name = `bench-${i}`;
  for (const interaction of cassette.interactions) {
    interaction.recorded_at = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString();
  }
  const folder = join(dir, `group-${i % 10}`);
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, `${String(i).padStart(4, '0')}.json`),
    JSON.stringify(cassette, null, 2),
  );
}
const config = LlmCassetteConfigSchema.parse({ expiresIn: '180d' });

async function floor(): Promise<void> {
  const files = await findCassetteFiles(dir);
  let n = 0;
  await readEach(files, (_, text) => {
    if (typeof text === 'string' && (JSON.parse(text) as { version: number }).version === 1) n++;
  });
  if (n !== COUNT) throw new Error(`read ${n} cassettes`);
}

async function validate(): Promise<void> {
  const result = await validateDir(dir, { config });
  if (result.checked !== COUNT) throw new Error('validate skipped files');
}

async function report(): Promise<void> {
  const data = await buildReportData(dir, { config });
  if (data.cassettes.length !== COUNT) throw new Error('report skipped files');
}

describe(`CLI over ${COUNT} cassettes`, () => {
  bench('floor: read + JSON.parse', floor, { iterations: 10 });
  bench('validate', validate, { iterations: 10 });
  bench('report', report, { iterations: 10 });
});

/** Median over interleaved rounds of (command time / floor time): drift hits both alike. */
async function medianRatio(run: () => Promise<unknown>, rounds = 13) {
  const ratios: number[] = [];
  const runs: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    await floor();
    const f = performance.now() - start;
    start = performance.now();
    await run();
    const r = performance.now() - start;
    if (i < 3) continue; // warm-up
    ratios.push(r / f);
    runs.push(r);
    floors.push(f);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ratio: median(ratios), runMs: median(runs), floorMs: median(floors) };
}

const v = await medianRatio(validate);
const r = await medianRatio(report);
process.stdout.write(
  `\nCLI over ${COUNT} cassettes (${sources.length} real ones round-robin), median of interleaved ` +
    `runs against the floor (read + JSON.parse, ${v.floorMs.toFixed(1)} ms):\n` +
    `  validate ${v.runMs.toFixed(1)} ms = ${v.ratio.toFixed(2)}× floor (target ≤ 3×)\n` +
    `  report   ${r.runMs.toFixed(1)} ms = ${r.ratio.toFixed(2)}× floor (target ≤ 3×)\n`,
);
