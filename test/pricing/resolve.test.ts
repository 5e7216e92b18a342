import { describe, expect, test } from 'vitest';
import { UnknownModelError } from '../../src/pricing/errors.ts';
import { getModelInfo } from '../../src/pricing/model-info.ts';
import { resolveModel } from '../../src/pricing/resolve.ts';

describe('model names resolve as LiteLLM resolves them', () => {
  test.each([
    ['gpt-4o-mini', undefined, 'gpt-4o-mini'],
    ['openai/gpt-4o-mini', undefined, 'gpt-4o-mini'],
    ['anthropic/claude-haiku-4-5', undefined, 'claude-haiku-4-5'],
    ['gpt-4o-mini-2024-07-18', undefined, 'gpt-4o-mini-2024-07-18'],
    ['gpt-4o-mini-2099-01-01', undefined, 'gpt-4o-mini'],
    ['claude-haiku-4-5-20251001', undefined, 'claude-haiku-4-5-20251001'],
    ['claude-haiku-4.5', undefined, 'claude-haiku-4-5'],
    ['gemini-2.5-pro', 'google', 'gemini/gemini-2.5-pro'],
    ['gemini/gemini-2.5-pro', undefined, 'gemini/gemini-2.5-pro'],
    ['grok-3-mini', undefined, 'xai/grok-3-mini'],
    ['grok-3-mini', 'xai', 'xai/grok-3-mini'],
    ['x-ai/grok-4', 'openrouter', 'openrouter/x-ai/grok-4'],
    ['deepseek-reasoner', 'deepseek', 'deepseek/deepseek-reasoner'],
    ['llama-3.3-70b-versatile', 'groq', 'groq/llama-3.3-70b-versatile'],
    ['mistral-large-latest', 'mistral', 'mistral/mistral-large-latest'],
    ['gpt-4o-mini', 'azure-openai', 'azure/gpt-4o-mini'],
  ])('%s (provider %s) → %s', (name, provider, key) => {
    expect(resolveModel(name, provider).key).toBe(key);
  });

  test("a provider prefix does not borrow another provider's prices", () => {
    expect(() => resolveModel('groq/gpt-4o-mini')).toThrow(UnknownModelError);
  });
});

describe('getModelInfo, like litellm.get_model_info', () => {
  test('claude-haiku-4-5', () => {
    const info = getModelInfo('claude-haiku-4-5');
    expect(info.max_input_tokens).toBe(200000);
    expect(info.max_output_tokens).toBe(64000);
    expect(info.litellm_provider).toBe('anthropic');
    expect(info.mode).toBe('chat');
    expect(info.input_cost_per_token).toBe(0.000001);
    expect(info.supports_prompt_caching).toBe(true);
    expect(info.key).toBe('claude-haiku-4-5');
  });

  test('keys the table lacks are null, as in LiteLLM', () => {
    const info = getModelInfo('openai/gpt-4o-mini');
    expect(info.key).toBe('gpt-4o-mini');
    expect(info.output_cost_per_reasoning_token).toBeNull();
    expect(info.max_tokens).toBe(16384);
  });

  test('an unknown model is a clear error with suggestions', () => {
    expect(() => getModelInfo('claude-haiku-4-6-turbo')).toThrow(
      /Nearest known names: claude-haiku-4-5/,
    );
  });
});
