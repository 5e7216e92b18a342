import type { SubCommandsDef } from 'citty';

/**
 * Every `llm-cassette` subcommand, one file each under this folder, loaded only when invoked so
 * that `llm-cassette cost` does not pay for loading the recorder or a tokenizer.
 */
export const commands: SubCommandsDef = {
  record: () => import('./record.ts').then((m) => m.default),
  inspect: () => import('./inspect.ts').then((m) => m.default),
  report: () => import('./report.ts').then((m) => m.default),
  validate: () => import('./validate.ts').then((m) => m.default),
  scrub: () => import('./scrub.ts').then((m) => m.default),
  prune: () => import('./prune.ts').then((m) => m.default),
  extract: () => import('./extract.ts').then((m) => m.default),
  verify: () => import('./verify.ts').then((m) => m.default),
  cost: () => import('./cost.ts').then((m) => m.default),
  tokens: () => import('./tokens.ts').then((m) => m.default),
  'model-info': () => import('./model-info.ts').then((m) => m.default),
  reprice: () => import('./reprice.ts').then((m) => m.default),
};
