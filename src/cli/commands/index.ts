import type { CommandDef } from 'citty';

type LazyCommand = () => Promise<CommandDef>;

/**
 * Every `llm-cassette` subcommand, one file each under this folder, loaded only when invoked so
 * that `llm-cassette cost` does not pay for loading the recorder or a tokenizer.
 */
export const commands: Record<string, LazyCommand> = {
  extract: () => import('./extract.ts').then((m) => m.default as CommandDef),
  verify: () => import('./verify.ts').then((m) => m.default as CommandDef),
};
