import type { CommandDef } from 'citty';

type LazyCommand = () => Promise<CommandDef>;

/**
 * Every `llm-cassette` subcommand, one file each under this folder, loaded only when invoked so
 * that `llm-cassette cost` does not pay for loading the recorder or a tokenizer.
 */
export const commands: Record<string, LazyCommand> = {
  record: () => import('./record.ts').then((m) => m.default),
  inspect: () => import('./inspect.ts').then((m) => m.default),
  report: () => import('./report.ts').then((m) => m.default),
  validate: () => import('./validate.ts').then((m) => m.default),
  scrub: () => import('./scrub.ts').then((m) => m.default),
  prune: () => import('./prune.ts').then((m) => m.default),
  extract: () => import('./extract.ts').then((m) => m.default),
  verify: () => import('./verify.ts').then((m) => m.default),
};
