import { describe, expect, it } from 'vitest';
import {
  detectApiFromUrl,
  detectProviderFromHints,
  detectProviderFromUrl,
} from '../../src/providers/detect.ts';
import { detectApiFromBody, detectApiFromEvent } from '../../src/providers/index.ts';

describe('API from the URL path', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', 'chat.completions'],
    [
      'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-02-01',
      'chat.completions',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/openai/chat/completions',
      'chat.completions',
    ],
    ['/v1/responses', 'responses'],
    ['https://api.anthropic.com/v1/messages?beta=true', 'messages'],
    ['https://api.openai.com/v1/embeddings', null],
  ])('%s → %s', (url, api) => {
    expect(detectApiFromUrl(url)).toBe(api);
  });
});

describe('provider from the host', () => {
  it.each([
    ['https://api.openai.com/v1/chat/completions', 'openai'],
    ['https://api.anthropic.com/v1/messages', 'anthropic'],
    [
      'https://traceloop-stg.openai.azure.com/openai/deployments/x/chat/completions',
      'azure-openai',
    ],
    ['https://api.groq.com/openai/v1/chat/completions', 'groq'],
    ['https://api.deepseek.com/chat/completions', 'deepseek'],
    ['https://api.mistral.ai/v1/chat/completions', 'mistral'],
    ['https://openrouter.ai/api/v1/chat/completions', 'openrouter'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/chat/completions', 'google'],
    ['https://api.x.ai/v1/chat/completions', 'xai'],
    ['https://api.cerebras.ai/v1/chat/completions', 'cerebras'],
    ['https://api.together.xyz/v1/chat/completions', 'together'],
    ['http://localhost:4000/v1/chat/completions', null],
  ])('%s → %s', (url, provider) => {
    expect(detectProviderFromUrl(url)).toBe(provider);
  });
});

describe('provider from body hints', () => {
  it('Groq x_groq, OpenRouter gen- ids, Azure filter results, DeepSeek cache-hit counts', () => {
    expect(detectProviderFromHints({ api: 'chat.completions', keys: new Set(['x_groq']) })).toBe(
      'groq',
    );
    expect(
      detectProviderFromHints({
        api: 'chat.completions',
        id: 'gen-1',
        keys: new Set(['provider']),
      }),
    ).toBe('openrouter');
    expect(
      detectProviderFromHints({
        api: 'chat.completions',
        keys: new Set(['prompt_filter_results']),
      }),
    ).toBe('azure-openai');
    expect(
      detectProviderFromHints({
        api: 'chat.completions',
        usageKeys: new Set(['prompt_cache_hit_tokens']),
      }),
    ).toBe('deepseek');
    expect(detectProviderFromHints({ api: 'chat.completions', model: 'grok-3-mini' })).toBe('xai');
    expect(detectProviderFromHints({ api: 'chat.completions', id: 'chatcmpl-B1a2' })).toBe(
      'openai',
    );
    expect(detectProviderFromHints({ api: 'chat.completions', model: 'llama-3.3-70b' })).toBe(
      'openai-compatible',
    );
  });
});

describe('API from a body or an event', () => {
  it('recognizes each API and nothing else', () => {
    expect(detectApiFromBody({ object: 'chat.completion', choices: [] })).toBe('chat.completions');
    expect(detectApiFromBody({ object: 'response', output: [] })).toBe('responses');
    expect(detectApiFromBody({ type: 'message', content: [] })).toBe('messages');
    expect(detectApiFromBody({ error: { message: 'x' } })).toBeNull();
    expect(detectApiFromEvent({ type: 'message_start' })).toBe('messages');
    expect(detectApiFromEvent({ type: 'response.created' })).toBe('responses');
    expect(detectApiFromEvent({ object: 'chat.completion.chunk', choices: [] })).toBe(
      'chat.completions',
    );
  });
});
