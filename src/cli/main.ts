import { defineCommand, runCommand } from 'citty';
import { VERSION } from '../version.ts';
import { commands } from './commands/index.ts';

export const main = defineCommand({
  meta: {
    name: 'llm-cassette',
    version: VERSION,
    description:
      'Record, replay and inspect LLM provider traffic; extract usage and cost metadata.',
  },
  subCommands: commands,
});

/** Runs the CLI with an explicit argv, so tests can drive it in-process. */
export async function runCli(argv: string[]): Promise<void> {
  await runCommand(main, { rawArgs: argv });
}
