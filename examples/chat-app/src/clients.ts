import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

export interface Clients {
  openai: OpenAI;
  anthropic: Anthropic;
}

/**
 * The official SDK clients, configured from the environment as usual (OPENAI_API_KEY,
 * ANTHROPIC_API_KEY, and the SDKs' own *_BASE_URL variables for a proxy or gateway).
 */
export function createClients(env: NodeJS.ProcessEnv = process.env): Clients {
  return {
    openai: new OpenAI({ apiKey: env.OPENAI_API_KEY ?? 'missing-openai-key', maxRetries: 1 }),
    anthropic: new Anthropic({
      apiKey: env.ANTHROPIC_API_KEY ?? 'missing-anthropic-key',
      maxRetries: 1,
    }),
  };
}
