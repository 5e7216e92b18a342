import { LlmCassetteError } from '../errors.ts';
import type { ProviderApi } from '../usage/normalized.ts';
import type { ScenarioCall } from './scenario.ts';

/** Base URLs of OpenAI-compatible providers, so a scenario can name just the provider. */
const COMPATIBLE_BASE_URLS: Readonly<Record<string, string>> = {
  groq: 'https://api.groq.com/openai/v1',
  deepseek: 'https://api.deepseek.com',
  xai: 'https://api.x.ai/v1',
  mistral: 'https://api.mistral.ai/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  together: 'https://api.together.xyz/v1',
  fireworks: 'https://api.fireworks.ai/inference/v1',
  cerebras: 'https://api.cerebras.ai/v1',
  gemini: 'https://generativelanguage.googleapis.com/v1beta/openai',
};

export class MissingSdkError extends LlmCassetteError {
  readonly code = 'missing_sdk';
  constructor(readonly packageName: string) {
    super(
      `\`llm-cassette record\` calls the provider through its official SDK, and ${packageName} is ` +
        `not installed. Install it next to llm-cassette: npm install -D ${packageName}`,
    );
  }
}

export class MissingApiKeyError extends LlmCassetteError {
  readonly code = 'missing_api_key';
  constructor(
    readonly envVar: string,
    cassette: string,
  ) {
    super(
      `The call for cassette "${cassette}" needs an API key in ${envVar}, which is not set. ` +
        `Set it (any value will do for a local stand-in server), or name another variable with "apiKeyEnv".`,
    );
  }
}

export class UnknownProviderError extends LlmCassetteError {
  readonly code = 'unknown_provider';
  constructor(provider: string, cassette: string) {
    super(
      `The call for cassette "${cassette}" names provider "${provider}", whose base URL llm-cassette ` +
        `does not know. Give the call a "baseURL" (or pass --base-url). Known: openai, anthropic, ${Object.keys(COMPATIBLE_BASE_URLS).join(', ')}.`,
    );
  }
}

export function apiOf(call: ScenarioCall): ProviderApi {
  return call.api ?? (call.provider === 'anthropic' ? 'messages' : 'chat.completions');
}

export function apiKeyEnvOf(call: ScenarioCall): string {
  return call.apiKeyEnv ?? `${call.provider.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`;
}

/** Checks, before any call is made, that every call can be made. */
export function checkCallable(call: ScenarioCall, baseUrlOverride: string | undefined): void {
  const env = apiKeyEnvOf(call);
  if (!process.env[env]) throw new MissingApiKeyError(env, call.cassette);
  const known = call.provider === 'openai' || call.provider === 'anthropic';
  if (!known && !call.baseURL && !baseUrlOverride && !COMPATIBLE_BASE_URLS[call.provider]) {
    throw new UnknownProviderError(call.provider, call.cassette);
  }
}

export interface CallOutcome {
  status: number | null;
  error: string | null;
}

/**
 * Makes one scenario call through the official SDK of its API, as an application would, and reads
 * a stream to its end (that is what records all of it). No retries: a retry would be recorded as
 * a second interaction.
 */
export async function makeScenarioCall(
  call: ScenarioCall,
  baseUrlOverride: string | undefined,
): Promise<CallOutcome> {
  const api = apiOf(call);
  const apiKey = process.env[apiKeyEnvOf(call)] ?? '';
  const baseURL = baseUrlOverride ?? call.baseURL ?? COMPATIBLE_BASE_URLS[call.provider];
  const params = { ...call.params, ...(call.stream === undefined ? {} : { stream: call.stream }) };
  const options = { apiKey, maxRetries: 0, ...(baseURL ? { baseURL } : {}) };
  // A missing SDK is a setup problem for the whole run, not a failed call: it escapes.
  const sdk =
    api === 'messages'
      ? await importSdk('@anthropic-ai/sdk', () => import('@anthropic-ai/sdk'))
      : await importSdk('openai', () => import('openai'));
  try {
    let pending: { withResponse(): Promise<{ data: unknown; response: Response }> };
    if (api === 'messages') {
      const Anthropic = (sdk as typeof import('@anthropic-ai/sdk')).default;
      pending = new Anthropic(options).messages.create(params as never);
    } else {
      const OpenAI = (sdk as typeof import('openai')).default;
      const client = new OpenAI(options);
      pending =
        api === 'responses'
          ? client.responses.create(params as never)
          : client.chat.completions.create(params as never);
    }
    const { data, response } = await pending.withResponse();
    await drain(data);
    return { status: response.status, error: null };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    return {
      status: typeof status === 'number' ? status : null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function importSdk<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      throw new MissingSdkError(name);
    }
    throw error;
  }
}

async function drain(result: unknown): Promise<void> {
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
    for await (const _ of result as AsyncIterable<unknown>) {
      // Reading to the end is what records the whole stream.
    }
  }
}
