/**
 * A side-by-side benchmark: contenders take turns in rounds (A B C, B C A, C A B, …: the order
 * rotates, so no contender always inherits another's garbage) so that drift in the machine's speed
 * hits them alike; each round times a batch of calls; the first round is warm-up. Reports the
 * median of the per-round means, and each contender's ratio to a subject as the median of the
 * per-round ratios: on a shared machine whose speed wanders between rounds, a ratio taken within
 * one round is the steadier figure.
 */
export interface Contender {
  name: string;
  /** Installs the contender (patch fetch, start a cassette) and returns the call to time. */
  setup: () => Promise<() => Promise<unknown>> | (() => Promise<unknown>);
  teardown: () => Promise<void> | void;
  /** A ratio target for `subject / this`, printed beside the measured one. */
  target?: string;
}

export interface SideBySideResult {
  name: string;
  medianMicros: number;
  /** Median over rounds of subject / this, measured in the same round. */
  ratio: number;
}

export async function sideBySide(
  title: string,
  contenders: Contender[],
  options: { rounds?: number; callsPerRound?: number; subject: string },
): Promise<SideBySideResult[]> {
  const rounds = options.rounds ?? 11;
  const calls = options.callsPerRound ?? 200;
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round <= rounds; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(round + turn) % contenders.length]!;
      const call = await contender.setup();
      const start = performance.now();
      for (let i = 0; i < calls; i++) await call();
      const micros = ((performance.now() - start) * 1000) / calls;
      await contender.teardown();
      if (round > 0) samples.get(contender.name)!.push(micros);
    }
  }
  const subjectSamples = samples.get(options.subject)!;
  const results = contenders.map((c) => {
    const own = samples.get(c.name)!;
    return {
      name: c.name,
      medianMicros: median(own),
      ratio: median(own.map((micros, round) => subjectSamples[round]! / micros)),
    };
  });
  const subject = results.find((r) => r.name === options.subject)!;
  const lines = [
    `\n${title} (${rounds} rounds × ${calls} calls, medians; ratios within each round; subject: ${subject.name})`,
  ];
  for (const [i, r] of results.entries()) {
    const ratio = r === subject ? '' : `   ${subject.name} / this = ${r.ratio.toFixed(2)}`;
    const target = contenders[i]!.target ? `   target: ${contenders[i]!.target}` : '';
    lines.push(
      `  ${r.name.padEnd(48)} ${r.medianMicros.toFixed(1).padStart(9)} µs/call${ratio}${target}`,
    );
  }
  console.log(lines.join('\n'));
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
