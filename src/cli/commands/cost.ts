import { defineCommand } from 'citty';
import { LlmCassetteError } from '../../errors.ts';
import { costOf } from '../../pricing/cost.ts';
import { ProviderApiSchema } from '../../usage/normalized.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';

const command = defineCommand({
  meta: {
    name: 'cost',
    description:
      "Price one request from the provider's own usage object; prints the cost breakdown as JSON.",
  },
  args: {
    model: {
      type: 'string',
      description: 'Model name (gpt-4o-mini, anthropic/claude-haiku-4-5...)',
      required: true,
    },
    usage: {
      type: 'string',
      description: 'The usage object as the response carried it (JSON)',
      required: true,
    },
    'service-tier': { type: 'string', description: "The response's service_tier (flex, priority)" },
    batch: { type: 'boolean', description: 'Price as a batch request' },
    provider: {
      type: 'string',
      description: 'Provider (xai, gemini, deepseek...) when the name alone is ambiguous',
    },
    api: {
      type: 'string',
      description: 'chat.completions | responses | messages (default: recognized)',
    },
    'inference-geo': { type: 'string', description: "Anthropic's inference_geo (us, global)" },
  },
  run({ args }) {
    try {
      let usage: unknown;
      try {
        usage = JSON.parse(args.usage);
      } catch (error) {
        throw new Error(
          `--usage is not JSON (${(error as Error).message}); quote the object in single quotes.`,
        );
      }
      const api = args.api === undefined ? undefined : ProviderApiSchema.parse(args.api);
      const result = costOf({
        model: args.model,
        usage,
        provider: args.provider,
        api,
        service_tier: args['service-tier'],
        batch: args.batch === true,
        inference_geo: args['inference-geo'],
      });
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      const code = error instanceof LlmCassetteError ? ` [${error.code}]` : '';
      process.stderr.write(`llm-cassette cost: ${(error as Error).message}${code}\n`);
      process.exitCode = EXIT.usage;
    }
  },
});

export default withExamples(command, [
  'llm-cassette cost --model gpt-4o-mini --usage \'{"prompt_tokens":17,"completion_tokens":8,"total_tokens":25}\'',
]);
