import { z } from 'zod';
import { LlmCassetteError } from '../errors.ts';

/**
 * - `replay`: never the network; a request without a recorded match is an error.
 * - `record`: always the network; the cassette is rewritten with what this run recorded.
 * - `auto`: replay what is recorded, record what is missing and append it.
 * - `passthrough`: the network, nothing recorded or replayed.
 */
export const CassetteModeSchema = z.enum(['replay', 'record', 'auto', 'passthrough']);
export type CassetteMode = z.infer<typeof CassetteModeSchema>;

export const MODE_ENV_VAR = 'LLM_CASSETTE_MODE';

export class InvalidModeError extends LlmCassetteError {
  readonly code = 'invalid_mode';
  constructor(value: string, source: string) {
    super(
      `${source} is "${value}", which is not a cassette mode. Use one of: ${CassetteModeSchema.options.join(', ')}.`,
    );
  }
}

function parseMode(value: string, source: string): CassetteMode {
  const parsed = CassetteModeSchema.safeParse(value.trim().toLowerCase());
  if (!parsed.success) throw new InvalidModeError(value, source);
  return parsed.data;
}

/**
 * The mode in force: an explicit option wins, then `LLM_CASSETTE_MODE`, then the default —
 * `replay` whenever `CI` is set (so CI can never reach a provider by accident), `auto` elsewhere.
 */
export function resolveMode(
  explicit: CassetteMode | undefined,
  env: NodeJS.ProcessEnv = process.env,
): CassetteMode {
  if (explicit !== undefined) return parseMode(explicit, 'The `mode` option');
  const fromEnv = env[MODE_ENV_VAR];
  if (fromEnv !== undefined && fromEnv !== '') return parseMode(fromEnv, MODE_ENV_VAR);
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false'
    ? 'replay'
    : 'auto';
}
