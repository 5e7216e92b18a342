import { readFileSync } from 'node:fs';
import { defineCommand } from 'citty';
import { LlmCassetteError } from '../../errors.ts';
import { countTokens } from '../../tokens/count.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';

const command = defineCommand({
  meta: {
    name: 'tokens',
    description:
      'Count prompt tokens as litellm.token_counter does; prints the count alone (--json for details).',
  },
  args: {
    model: { type: 'string', description: 'Model name; picks the tokenizer', required: true },
    text: { type: 'string', description: 'A text to count' },
    messages: {
      type: 'string',
      description: 'A JSON file holding a messages array (or { messages, tools })',
    },
    json: {
      type: 'boolean',
      description: 'Print { tokens, tokenizer, estimate, estimate_reasons }',
    },
  },
  run({ args }) {
    try {
      if ((args.text === undefined) === (args.messages === undefined)) {
        throw new Error('pass exactly one of --text and --messages FILE.');
      }
      let input: Parameters<typeof countTokens>[0];
      if (args.text !== undefined) {
        input = { model: args.model, text: args.text };
      } else {
        const parsed: unknown = JSON.parse(readFileSync(args.messages!, 'utf8'));
        input = Array.isArray(parsed)
          ? { model: args.model, messages: parsed }
          : { ...(parsed as Record<string, unknown>), model: args.model };
      }
      const result = countTokens(input);
      process.stdout.write(
        args.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.tokens}\n`,
      );
    } catch (error) {
      const code = error instanceof LlmCassetteError ? ` [${error.code}]` : '';
      process.stderr.write(`llm-cassette tokens: ${(error as Error).message}${code}\n`);
      process.exitCode = EXIT.usage;
    }
  },
});

export default withExamples(command, [
  'llm-cassette tokens --model gpt-4o-mini --text "Hey, how\'s it going"',
  'llm-cassette tokens --model claude-haiku-4-5 --messages messages.json --json',
]);
