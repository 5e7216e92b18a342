import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bench, describe } from 'vitest';
import { extractMetadata, meterStream } from '../src/index.ts';

/**
 * Extraction of a 10,000-event Chat Completions stream against its floor: `JSON.parse` of each
 * event's data alone (no SSE framing, no assembly). Target: at most 1.5 × the floor. Then a
 * memory check: heap growth while assembling 10× more events (with text of the same size) must
 * stay near the assembled text, not grow with the number of events.
 */
const EVENTS = 10_000;

function chunk(i: number, content: string): string {
  return JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-mini-2024-07-18',
    system_fingerprint: 'fp_bench',
    choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
    usage: null,
    obfuscation: `o${i}`,
  });
}

function streamOf(events: number, piece: (i: number) => string) {
  const payloads: string[] = [];
  for (let i = 0; i < events; i++) payloads.push(chunk(i, piece(i)));
  payloads.push(
    JSON.stringify({
      id: 'chatcmpl-bench',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
    }),
  );
  const text = `${payloads.map((data) => `data: ${data}\n\n`).join('')}data: [DONE]\n\n`;
  return { payloads, text };
}

const { payloads, text } = streamOf(EVENTS, (i) => ` word${i % 97}`);
const url = 'https://api.openai.com/v1/chat/completions';
const recordedEvents = payloads.map((data, i) => ({ t: i, json: JSON.parse(data) as unknown }));

function floor(): number {
  let n = 0;
  for (const data of payloads) n += (JSON.parse(data) as { created: number }).created > 0 ? 1 : 0;
  return n;
}

describe(`extract a ${EVENTS}-event stream`, () => {
  bench('floor: JSON.parse of each event data', () => {
    floor();
  });
  bench('extractMetadata(SSE text)', () => {
    extractMetadata({ response: text, url });
  });
  bench('extractMetadata(parsed events, as a cassette holds them)', () => {
    extractMetadata({ response: recordedEvents.map((e) => e.json), url });
  });
});

/** Median over interleaved rounds of (extraction time / floor time): noise hits both alike. */
function medianRatio(
  run: () => unknown,
  rounds = 41,
): { ratio: number; runMs: number; floorMs: number } {
  const ratios: number[] = [];
  const runs: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    floor();
    const f = performance.now() - start;
    start = performance.now();
    run();
    const r = performance.now() - start;
    if (i < 5) continue; // warm-up
    ratios.push(r / f);
    runs.push(r);
    floors.push(f);
  }
  const median = (xs: number[]) =>
    xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { ratio: median(ratios), runMs: median(runs), floorMs: median(floors) };
}

const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/**
 * Heap retained by a metered stream once all its events went through (events generated and
 * parsed one at a time, so nothing but the extraction's own state stays alive).
 */
async function retainedBytes(events: number, piece: (i: number) => string): Promise<number> {
  async function* source() {
    for (let i = 0; i < events; i++) yield JSON.parse(chunk(i, piece(i))) as unknown;
    yield JSON.parse(streamOf(0, piece).payloads[0] ?? '{}') as unknown;
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const metered = meterStream(source(), { url });
  for await (const _ of metered) {
    // consume
  }
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  const { message } = await metered.result;
  if (!message.content) throw new Error('no content');
  return retained;
}

const sse = medianRatio(() => extractMetadata({ response: text, url }));
const parsed = medianRatio(() =>
  extractMetadata({ response: recordedEvents.map((e) => e.json), url }),
);
// Same assembled text (about 50 KiB), spread over 10× more events.
const text10k = 'x'.repeat(5);
const fewer = await retainedBytes(EVENTS, () => text10k);
const more = await retainedBytes(EVENTS * 10, (i) => (i % 10 === 0 ? text10k : ''));
process.stdout.write(
  `\nextract ${EVENTS} events, median of interleaved runs against the floor (JSON.parse of each ` +
    `event's data, ${sse.floorMs.toFixed(2)} ms):\n` +
    `  SSE text      ${sse.runMs.toFixed(2)} ms = ${sse.ratio.toFixed(2)}× floor (target ≤ 1.5×)\n` +
    `  parsed events ${parsed.runMs.toFixed(2)} ms = ${parsed.ratio.toFixed(2)}× floor\n` +
    `heap retained by the assembly, same ${((EVENTS * 5) / 1024).toFixed(0)} KiB of text: ` +
    `${EVENTS} events ${(fewer / 1024).toFixed(0)} KiB, ${EVENTS * 10} events ${(more / 1024).toFixed(0)} KiB\n`,
);
