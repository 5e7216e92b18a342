import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { JsonValueSchema } from '../cassette/format.ts';
import { LlmCassetteError } from '../errors.ts';
import { ProviderApiSchema } from '../usage/normalized.ts';

/**
 * One call of a scenario: which provider and API, the request parameters as the SDK takes them,
 * and the cassette it goes into (calls naming the same cassette share it, in order).
 */
export const ScenarioCallSchema = z
  .object({
    cassette: z
      .string()
      .min(1)
      .regex(/^[^\0]+$/, 'a cassette name (a file name, without .json)'),
    /** `openai`, `anthropic`, or an OpenAI-compatible provider (`groq`, `deepseek`, ...). */
    provider: z.string().min(1),
    /** Default: `messages` for anthropic, `chat.completions` otherwise. */
    api: ProviderApiSchema.optional(),
    /** The SDK's request parameters (`model`, `messages`, `max_tokens`, ...). */
    params: z.record(z.string(), JsonValueSchema),
    /** Stream the response (sets `params.stream`); read to its end so all of it is recorded. */
    stream: z.boolean().optional(),
    /** The SDK's `baseURL`; `--base-url` overrides it for every call. */
    baseURL: z.url().optional(),
    /** The environment variable holding the key (default `<PROVIDER>_API_KEY`). */
    apiKeyEnv: z.string().optional(),
    /** An HTTP error status this call is meant to record (a 400 the app must handle). */
    expectStatus: z.number().int().min(400).max(599).optional(),
  })
  .strict();
export type ScenarioCall = z.infer<typeof ScenarioCallSchema>;

export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string().optional(),
    /** Where the cassettes go (relative to the working folder); `--dir` overrides it. */
    dir: z.string().optional(),
    calls: z.array(ScenarioCallSchema).min(1),
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;

export class InvalidScenarioError extends LlmCassetteError {
  readonly code = 'invalid_scenario';
  constructor(
    readonly scenarioPath: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Scenario file ${scenarioPath} is invalid:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'A scenario is {"calls": [{"cassette": "name", "provider": "openai", "params": {...}}]}; ' +
        'see `llm-cassette record --help`.',
    );
  }
}

export async function loadScenario(path: string): Promise<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InvalidScenarioError(path, [(error as Error).message]);
  }
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidScenarioError(
      path,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  return parsed.data;
}
