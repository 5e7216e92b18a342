import cliProgress from 'cli-progress';

/** A progress indicator for work over many items; a no-op where nobody is watching. */
export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

const SILENT: Progress = { tick() {}, stop() {} };

/**
 * A `cli-progress` bar on stderr (stdout stays clean for `--json` and pipes), shown only when
 * stderr is a terminal and there is enough work for a bar to be worth drawing.
 */
export function startProgress(
  total: number,
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY || total < 2 || process.env.CI) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} {item}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { item: '' });
  return {
    tick(item = '') {
      bar.increment(1, { item });
    },
    stop() {
      bar.stop();
    },
  };
}
