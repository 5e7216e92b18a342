/**
 * ANSI colour for terminal output, only when the stream is a terminal and the user has not
 * asked for none (https://no-color.org: any non-empty NO_COLOR; FORCE_COLOR forces it on).
 */
export interface Colour {
  readonly enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function colourFor(
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): Colour {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  const refused = (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  const enabled = forced || (!refused && stream.isTTY === true);
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ANSI escape itself
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

export function stripColour(text: string): string {
  return text.replace(ANSI_COLOUR, '');
}

/** The printed width of text that may hold colour codes. */
export function visibleLength(text: string): number {
  return stripColour(text).length;
}
