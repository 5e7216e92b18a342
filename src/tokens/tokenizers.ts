import { createRequire } from 'node:module';
import type { TokenizerName } from './tokenizer-choice.ts';

const require = createRequire(import.meta.url);

interface Encoder {
  encode(text: string, allowedSpecial?: 'all'): ArrayLike<number>;
}

const loaded = new Map<TokenizerName, (text: string) => number>();

/**
 * A function counting the tokens of a text with the named tokenizer. Rank tables are loaded on
 * first use only (each is megabytes), synchronously, so `countTokens` stays a plain function.
 */
export function tokenCounter(name: TokenizerName): (text: string) => number {
  let count = loaded.get(name);
  if (!count) {
    count = load(name);
    loaded.set(name, count);
  }
  return count;
}

function load(name: TokenizerName): (text: string) => number {
  if (name === 'claude') {
    // Anthropic's published legacy tokenizer, the one LiteLLM ships as claude_tokenizer.json;
    // it counts the NFKC-normalized text, special tokens allowed.
    const { getTokenizer } = require('@anthropic-ai/tokenizer') as {
      getTokenizer(): Encoder;
    };
    const tokenizer = getTokenizer();
    return (text) => tokenizer.encode(text.normalize('NFKC'), 'all').length;
  }
  const { Tiktoken } = require('js-tiktoken/lite') as {
    Tiktoken: new (
      ranks: unknown,
    ) => {
      encode(text: string, allowed?: string[] | 'all', disallowed?: string[] | 'all'): number[];
    };
  };
  const ranks = require(`js-tiktoken/ranks/${name}`) as { default?: unknown };
  const encoding = new Tiktoken(ranks.default ?? ranks);
  // LiteLLM encodes with disallowed_special=(): special-token text counts as ordinary text.
  return (text) => encoding.encode(text, [], []).length;
}
