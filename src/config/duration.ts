import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const PATTERN = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/;

/** A duration as people write it in a config file: `90s`, `15m`, `12h`, `30d`, `2w`. */
export const DurationSchema = z
  .string()
  .regex(PATTERN, 'a duration such as "30d", "2w", "12h", "15m" or "90s"');

/** Milliseconds in a duration that `DurationSchema` accepted. */
export function durationMs(text: string): number {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`Not a duration: ${JSON.stringify(text)}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
