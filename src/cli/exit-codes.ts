import { LlmCassetteError } from '../errors.ts';

/**
 * What `llm-cassette` exits with (documented in docs/cli.md), so scripts and CI can tell "the
 * check found problems" from "the command could not run".
 */
export const EXIT = {
  /** Done; nothing wrong. */
  ok: 0,
  /** The command ran and found problems (invalid cassettes, failed calls, expired cassettes). */
  problems: 1,
  /** The command could not run: bad arguments, a missing or invalid input file, a missing SDK. */
  usage: 2,
  /** An unexpected internal error (a bug: please report it with the printed stack). */
  internal: 3,
} as const;

/** The exit code for an error that escaped a command. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof LlmCassetteError) return EXIT.usage;
  // citty's own argument errors (unknown command, missing positional, bad enum value).
  if (error instanceof Error && error.name === 'CLIError') return EXIT.usage;
  return EXIT.internal;
}
