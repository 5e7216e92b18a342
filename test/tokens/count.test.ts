import { describe, expect, test } from 'vitest';
import { countTokens, TokenCountInputError } from '../../src/tokens/count.ts';
import { tokenizerFor } from '../../src/tokens/tokenizer-choice.ts';

// The cases LiteLLM's own tests pin (tests/local_testing/test_token_counter.py), where they apply.
const SAMPLE = [{ user: 'role', content: "Hey, how's it going" }];

describe('countTokens like litellm.token_counter', () => {
  test.each(['gpt-4o-mini', 'claude-haiku-4-5', 'gpt-3.5-turbo', 'gemini/gemini-2.5-pro'])(
    '13 for %s on the sample messages (3 per message + "role" + 6 + 3 priming)',
    (model) => {
      expect(countTokens({ model, messages: SAMPLE })).toMatchObject({
        tokens: 13,
        estimate: false,
      });
    },
  );

  test('6 for the text "Hey, how\'s it going"', () => {
    expect(countTokens({ model: 'gpt-4o-mini', text: "Hey, how's it going" }).tokens).toBe(6);
    expect(countTokens({ model: 'claude-haiku-4-5', text: "Hey, how's it going" }).tokens).toBe(6);
  });

  test('a name costs one extra token', () => {
    const named = countTokens({
      model: 'gpt-4o',
      messages: [{ role: 'user', name: 'bob', content: 'hi' }],
    });
    const plain = countTokens({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(named.tokens - plain.tokens).toBe(1 + 1); // "bob" + tokens_per_name
  });

  test('the same tokenizer per model as LiteLLM', () => {
    expect(tokenizerFor('gpt-4o-mini')).toBe('o200k_base');
    expect(tokenizerFor('gpt-5')).toBe('o200k_base');
    expect(tokenizerFor('o3-mini')).toBe('o200k_base');
    expect(tokenizerFor('gpt-4')).toBe('cl100k_base');
    expect(tokenizerFor('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(tokenizerFor('claude-haiku-4-5')).toBe('claude');
    expect(tokenizerFor('claude-3-haiku-20240307')).toBe('cl100k_base');
    expect(tokenizerFor('gemini/gemini-2.5-pro')).toBe('cl100k_base');
    expect(tokenizerFor('some-unknown-model')).toBe('cl100k_base');
  });

  test('o200k and cl100k disagree on non-English text, as they should', () => {
    const text = 'Ein schönes Beispiel für die Tokenisierung: こんにちは世界';
    const o200k = countTokens({ model: 'gpt-4o-mini', text }).tokens;
    const cl100k = countTokens({ model: 'gpt-4', text }).tokens;
    expect(o200k).not.toBe(cl100k);
  });

  test('tool definitions add their formatted text and 9 tokens, less 4 with a system message', () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Get the weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string', description: 'City name' } },
            required: ['city'],
          },
        },
      },
    ];
    const messages = [{ role: 'user', content: 'Weather in Paris?' }];
    const without = countTokens({ model: 'gpt-4o-mini', messages }).tokens;
    const formatted = countTokens({
      model: 'gpt-4o-mini',
      text: 'namespace functions {\n\n// Get the weather\ntype get_weather = (_: {\n// City name\ncity: string,\n}) => any;\n\n} // namespace functions',
    }).tokens;
    const withTools = countTokens({ model: 'gpt-4o-mini', messages, tools });
    expect(withTools).toMatchObject({ tokens: without + formatted + 9, estimate: false });
    const system = [{ role: 'system', content: 'x' }, ...messages];
    const withSystem = countTokens({ model: 'gpt-4o-mini', messages: system, tools }).tokens;
    expect(withSystem).toBe(
      countTokens({ model: 'gpt-4o-mini', messages: system }).tokens + formatted + 9 - 4,
    );
  });

  test('images: 85 tokens at low/auto detail; high detail is marked as an estimate', () => {
    const image = (detail: string) => [
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: 'https://x/y.png', detail } }],
      },
    ];
    expect(countTokens({ model: 'gpt-4o', messages: image('auto') })).toMatchObject({
      tokens: 3 + 1 + 85 + 3,
      estimate: false,
    });
    const high = countTokens({ model: 'gpt-4o', messages: image('high') });
    expect(high.estimate).toBe(true);
    expect(high.estimate_reasons[0]).toMatch(/high-detail/);
  });

  test('tool calls count their arguments', () => {
    const messages = [
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } },
        ],
      },
    ];
    const args = countTokens({ model: 'gpt-4o-mini', text: '{"a":1}' }).tokens;
    expect(countTokens({ model: 'gpt-4o-mini', messages }).tokens).toBe(3 + 1 + args + 3);
  });

  test('bad input is a typed error', () => {
    expect(() => countTokens({ model: 'gpt-4o' })).toThrow(TokenCountInputError);
    expect(() => countTokens({ model: 'gpt-4o', text: 'a', messages: [] })).toThrow(/exactly one/);
  });
});
