import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { LlmCassetteError } from '../errors.ts';
import { DurationSchema } from './duration.ts';

/** The file name looked for in the working folder and its parents. */
export const CONFIG_FILE = 'llm-cassette.config.json';

/**
 * `llm-cassette.config.json`: project-wide settings shared by the CLI and the recorder.
 * Strict, so a misspelt key is an error rather than a silently ignored setting.
 */
export const LlmCassetteConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Where cassettes live when a command is given no folder. */
    cassettesDir: z.string().default('cassettes'),
    /** Cassettes older than this (by their oldest `recorded_at`) are expired: "30d", "2w". */
    expiresIn: DurationSchema.optional(),
    /**
     * What an expired cassette means: `warn` (reported, not an error), `fail` (`validate` exits 1),
     * `rerecord` (reported as due; the recorder records it afresh on the next run in `auto` mode).
     */
    onExpired: z.enum(['warn', 'fail', 'rerecord']).default('warn'),
    /** Redaction rules on top of the built-in ones; `scrub` applies them to cassettes on disk. */
    redact: z
      .object({
        headers: z.array(z.string()).optional(),
        queryParams: z.array(z.string()).optional(),
        bodyPaths: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type LlmCassetteConfig = z.infer<typeof LlmCassetteConfigSchema>;

/** The configuration in force and the file it came from (none: the defaults). */
export interface LoadedConfig {
  config: LlmCassetteConfig;
  path: string | undefined;
}

export class InvalidConfigError extends LlmCassetteError {
  readonly code = 'invalid_config';
  constructor(
    readonly configPath: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Config file ${configPath} is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'Fix it (keys: cassettesDir, expiresIn, onExpired, redact), or delete it to use the defaults.',
    );
  }
}

/**
 * Finds `llm-cassette.config.json` in `from` or the nearest parent folder and validates it;
 * the defaults when there is none. An explicit `path` must exist.
 */
export async function loadConfig(
  options: { from?: string; path?: string } = {},
): Promise<LoadedConfig> {
  return loadConfigSync(options);
}

/**
 * `loadConfig` for the recorder, which must know the cassette folder synchronously (a cassette is
 * bound to the caller's async context before its first await). A config file is a few hundred
 * bytes: reading it synchronously costs nothing measurable.
 */
export function loadConfigSync(options: { from?: string; path?: string } = {}): LoadedConfig {
  const path = options.path ?? findConfigFile(resolve(options.from ?? process.cwd()));
  if (path === undefined) return { config: LlmCassetteConfigSchema.parse({}), path: undefined };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidConfigError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InvalidConfigError(path, [`is not JSON: ${(error as Error).message}`]);
  }
  const parsed = LlmCassetteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidConfigError(
      path,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return { config: parsed.data, path };
}

function findConfigFile(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}
