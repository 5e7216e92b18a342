import { type CommandDef, defineCommand, runCommand } from 'citty';
import { LlmCassetteError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { type CommandWithExamples, renderHelp } from './command-help.ts';
import { commands } from './commands/index.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { colourFor, stripColour } from './render/colour.ts';

export const main = defineCommand({
  meta: {
    name: 'llm-cassette',
    version: VERSION,
    description:
      'Record, replay and inspect LLM provider traffic; extract usage and cost metadata.',
  },
  subCommands: commands,
});

/**
 * Runs the CLI with an explicit argv and returns its exit code (see `EXIT`), so tests can drive
 * it in-process; the process's own `exitCode` is left as it was.
 */
export async function runCli(argv: string[]): Promise<number> {
  const previous = process.exitCode;
  process.exitCode = undefined;
  let code: number;
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${await helpFor(argv)}\n`);
    } else if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
      process.stdout.write(`${VERSION}\n`);
    } else {
      await runCommand(main, { rawArgs: argv });
    }
    code = typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    code = exitCodeFor(error);
    process.stderr.write(`${await describeFailure(error, argv, code)}\n`);
  } finally {
    process.exitCode = previous;
  }
  return code;
}

async function helpFor(argv: readonly string[]): Promise<string> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  const entry = name === undefined ? undefined : commands[name];
  if (!entry) return renderHelp(main);
  const command = typeof entry === 'function' ? await entry() : await entry;
  return renderHelp(command as CommandWithExamples, main as CommandDef);
}

async function describeFailure(error: unknown, argv: readonly string[], code: number) {
  if (error instanceof LlmCassetteError) return `llm-cassette: ${error.message}`;
  if (code === EXIT.usage && error instanceof Error) {
    // citty colours its messages itself; plain text unless stderr is a terminal.
    const message = colourFor(process.stderr).enabled ? error.message : stripColour(error.message);
    return `${await helpFor(argv)}\n\nllm-cassette: ${message}`;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `llm-cassette: unexpected error (please report it):\n${detail}`;
}
