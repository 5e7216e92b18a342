import { type CommandDef, renderUsage } from 'citty';
import { colourFor, stripColour } from './render/colour.ts';

/** A command whose `--help` ends with worked examples (citty's own usage has no such section). */
export type CommandWithExamples = CommandDef & { examples?: readonly string[] };

/** Attaches examples to a command built with citty's `defineCommand`. */
// biome-ignore lint/suspicious/noExplicitAny: citty's CommandDef is generic over its own args
export function withExamples<T extends CommandDef<any>>(
  command: T,
  examples: readonly string[],
): CommandWithExamples {
  // Erases the args' type parameter: a registry of commands holds them as plain `CommandDef`s.
  return Object.assign(command, { examples }) as unknown as CommandWithExamples;
}

/** citty's usage text followed by the command's examples. */
export async function renderHelp(command: CommandWithExamples, parent?: CommandDef) {
  let usage = await renderUsage(command, parent);
  // citty colours its usage unconditionally; plain text when stdout is not a terminal.
  if (!colourFor(process.stdout).enabled) usage = stripColour(usage);
  const examples = command.examples ?? [];
  if (examples.length === 0) return usage;
  return `${usage}\n\nEXAMPLES\n\n${examples.map((e) => `  ${e}`).join('\n')}`;
}
