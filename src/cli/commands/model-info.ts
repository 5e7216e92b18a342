import { defineCommand } from 'citty';
import { LlmCassetteError } from '../../errors.ts';
import { getModelInfo } from '../../pricing/model-info.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';

const command = defineCommand({
  meta: {
    name: 'model-info',
    description: "Print a model's entry of the price table as JSON, like litellm.get_model_info.",
  },
  args: {
    model: { type: 'positional', description: 'Model name', required: true },
    provider: { type: 'string', description: 'Provider, when the name alone is ambiguous' },
  },
  run({ args }) {
    try {
      process.stdout.write(`${JSON.stringify(getModelInfo(args.model, args.provider), null, 2)}\n`);
    } catch (error) {
      const code = error instanceof LlmCassetteError ? ` [${error.code}]` : '';
      process.stderr.write(`llm-cassette model-info: ${(error as Error).message}${code}\n`);
      process.exitCode = EXIT.usage;
    }
  },
});

export default withExamples(command, [
  'llm-cassette model-info claude-haiku-4-5',
  'llm-cassette model-info grok-3 --provider xai',
]);
