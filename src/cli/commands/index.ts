import type { CommandDef } from 'citty';

type LazyCommand = () => Promise<CommandDef>;

/**
 * Every `llm-cassette` subcommand, one file each under this folder, loaded only when invoked so
 * that `llm-cassette cost` does not pay for loading the recorder or a tokenizer.
 */
export const commands: Record<string, LazyCommand> = {
  cost: () => import('./cost.ts').then((m) => m.default),
  tokens: () => import('./tokens.ts').then((m) => m.default),
  'model-info': () => import('./model-info.ts').then((m) => m.default),
};
