import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { bench, describe } from 'vitest';
import { extractMetadata, meterStream } from '../src/index.ts';
import { REAL_FIXTURES_DIR } from '../test/support/fixtures.ts';

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

/**
 * Median over interleaved rounds (floor, then each contender, in turn) of each contender's time
 * divided by the floor's time in the same round: drift in the machine's speed hits both alike.
 */
interface Timing {
  /** Median of the per-round ratios to the floor. */
  ratio: number;
  ms: number;
}

function medianRatios<K extends string>(
  contenders: Record<K, () => unknown>,
  rounds = 41,
  warmup = 5,
): { floorMs: number; rounds: number; times: Record<K, Timing> } {
  const names = Object.keys(contenders) as K[];
  const floors: number[] = [];
  const ratios = new Map<K, number[]>(names.map((name) => [name, []]));
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    floor();
    const f = performance.now() - start;
    if (i >= warmup) floors.push(f);
    for (const name of names) {
      start = performance.now();
      contenders[name]();
      const ms = performance.now() - start;
      if (i < warmup) continue;
      ratios.get(name)?.push(ms / f);
      times.get(name)?.push(ms);
    }
  }
  const result = {} as Record<K, Timing>;
  for (const name of names) {
    result[name] = { ratio: median(ratios.get(name) ?? []), ms: median(times.get(name) ?? []) };
  }
  return { floorMs: median(floors), rounds: rounds - warmup, times: result };
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
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

const TARGET = 1.5;
const { floorMs, rounds, times } = medianRatios({
  sse: () => extractMetadata({ response: text, url }),
  parsed: () => extractMetadata({ response: recordedEvents.map((e) => e.json), url }),
});
// Same assembled text (about 50 KiB), spread over 10× more events. A warm-up run first, so that
// code compiled on the first pass is not counted as retained; then the median of three.
const text10k = 'x'.repeat(5);
await retainedBytes(EVENTS, () => text10k);
const retained = async (events: number, piece: (i: number) => string) =>
  median([
    await retainedBytes(events, piece),
    await retainedBytes(events, piece),
    await retainedBytes(events, piece),
  ]);
const fewer = await retained(EVENTS, () => text10k);
const more = await retained(EVENTS * 10, (i) => (i % 10 === 0 ? text10k : ''));
const textBytes = EVENTS * text10k.length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
process.stdout.write(
  `\nextract ${EVENTS} events: median of ${rounds} interleaved rounds, each timed against the ` +
    `floor (JSON.parse of each event's data alone, ${floorMs.toFixed(2)} ms):\n` +
    `  SSE text       ${times.sse.ms.toFixed(2)} ms = ${times.sse.ratio.toFixed(2)}× floor ` +
    `(target ≤ ${TARGET}×: ${verdict(times.sse.ratio <= TARGET)})\n` +
    `  parsed events  ${times.parsed.ms.toFixed(2)} ms = ${times.parsed.ratio.toFixed(2)}× floor ` +
    `(no JSON.parse to do: the cassette holds parsed events)\n` +
    `heap retained by the assembly of the same ${kib(textBytes)} of text: ${EVENTS} events ` +
    `${kib(fewer)}, ${EVENTS * 10} events ${kib(more)} (growth ${kib(more - fewer)}, limit ` +
    `${kib(textBytes)}: ${verdict(more - fewer <= textBytes)})\n`,
);

/**
 * The same comparison for each API, on a real recording stretched to 10,000 events by repeating
 * its text deltas: Chat Completions, Responses (named events, large `response.*` snapshots) and
 * Anthropic Messages (named events, `message_start`/`message_delta` usage).
 */
function stretched(fixture: string, isDelta: (event: string) => boolean) {
  const raw = readFileSync(`${REAL_FIXTURES_DIR}${fixture}.response.sse`, 'utf8');
  const events = raw.split(/\n\n/).filter((event) => event.trim() !== '');
  const first = events.findIndex(isDelta);
  const last = events.findLastIndex(isDelta);
  const deltas = events.slice(first, last + 1).filter(isDelta);
  const out = events.slice(0, first);
  for (let i = 0; out.length < first + EVENTS; i++) out.push(deltas[i % deltas.length]!);
  out.push(...events.slice(last + 1));
  const datas = out
    .map((event) =>
      event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n'),
    )
    .filter((data) => data.startsWith('{'));
  return { text: `${out.join('\n\n')}\n\n`, datas };
}

const perApi = {
  'chat.completions': {
    url: 'https://api.openai.com/v1/chat/completions',
    ...stretched('openai-chat-sse-usage-text', (e) => e.includes('"delta":{"content"')),
  },
  responses: {
    url: 'https://api.openai.com/v1/responses',
    ...stretched('openai-responses-sse-text', (e) =>
      e.startsWith('event: response.output_text.delta'),
    ),
  },
  messages: {
    url: 'https://api.anthropic.com/v1/messages',
    ...stretched('anthropic-messages-sse-text-1', (e) => e.includes('"type":"text_delta"')),
  },
};
const apiLines: string[] = [];
for (const [api, stream] of Object.entries(perApi)) {
  const ratios: number[] = [];
  const times: number[] = [];
  let floorMs = 0;
  for (let round = 0; round < 25; round++) {
    let start = performance.now();
    for (const data of stream.datas) JSON.parse(data);
    const f = performance.now() - start;
    start = performance.now();
    const { metadata } = extractMetadata({ response: stream.text, url: stream.url });
    const ms = performance.now() - start;
    if (metadata.finish_reason !== 'stop') throw new Error(`${api}: ${metadata.finish_reason}`);
    if (round < 5) continue;
    ratios.push(ms / f);
    times.push(ms);
    floorMs += f / 20;
  }
  const ratio = median(ratios);
  apiLines.push(
    `  ${api.padEnd(17)} ${stream.datas.length} events: ${median(times).toFixed(2)} ms = ` +
      `${ratio.toFixed(2)}× floor (${floorMs.toFixed(2)} ms; target ≤ ${TARGET}×: ${verdict(ratio <= TARGET)})`,
  );
}
process.stdout.write(
  `extract real recordings stretched to ${EVENTS} events, SSE text, per API (median of 20 rounds):\n${apiLines.join('\n')}\n`,
);
