import type { SubCommandsDef } from 'citty';

/**
 * Every `llm-cassette` subcommand, one file each under this folder, loaded only when invoked so
 * that `llm-cassette cost` does not pay for loading the recorder or a tokenizer.
 */
export const commands: SubCommandsDef = {
  extract: () => import('./extract.ts').then((m) => m.default),
  verify: () => import('./verify.ts').then((m) => m.default),
  cost: () => import('./cost.ts').then((m) => m.default),
  tokens: () => import('./tokens.ts').then((m) => m.default),
  'model-info': () => import('./model-info.ts').then((m) => m.default),
  reprice: () => import('./reprice.ts').then((m) => m.default),
};
