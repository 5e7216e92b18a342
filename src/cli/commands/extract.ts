import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { CassetteSchema } from '../../cassette/format.ts';
import { extractMetadata } from '../../metadata/extract.ts';
import type { Extraction } from '../../metadata/record.ts';
import { withExamples } from '../command-help.ts';
import { EXIT } from '../exit-codes.ts';

export default withExamples(
  defineCommand({
    meta: {
      name: 'extract',
      description:
        'Print { "metadata", "message" } as JSON for a raw response body (JSON or SSE text) or, ' +
        'for a cassette, an array with one per interaction.',
    },
    args: {
      file: {
        type: 'positional',
        required: true,
        description: 'Response body (JSON or SSE) or cassette file',
      },
      request: { type: 'string', description: 'JSON file with the request body' },
      url: { type: 'string', description: 'URL or path that was called (names API and provider)' },
      status: {
        type: 'string',
        description: 'HTTP status of a raw body (an error body: 4xx, 5xx)',
      },
    },
    async run({ args }) {
      try {
        const text = await readFile(args.file, 'utf8');
        const output = extractFile(text, {
          request: args.request ? JSON.parse(await readFile(args.request, 'utf8')) : undefined,
          url: args.url,
          status: args.status === undefined ? undefined : Number(args.status),
        });
        process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      } catch (error) {
        process.stderr.write(`llm-cassette extract: ${(error as Error).message}\n`);
        process.exitCode = EXIT.usage;
      }
    },
  }),
  [
    'llm-cassette extract response.sse --request request.json --url /v1/chat/completions',
    'llm-cassette extract cassettes/openai-chat-json-text-2.json',
  ],
);

/** A cassette gives one extraction per interaction; anything else is one raw body. */
export function extractFile(
  text: string,
  options: { request?: unknown; url?: string | undefined; status?: number | undefined },
): Extraction | Extraction[] {
  const cassette = parseCassette(text);
  if (cassette) return cassette.interactions.map((interaction) => extractMetadata(interaction));
  if (options.status !== undefined && !Number.isInteger(options.status)) {
    throw new Error(`--status must be an HTTP status code such as 400, got "${options.status}".`);
  }
  return extractMetadata({
    request: options.request,
    response: text,
    url: options.url,
    status: options.status,
  });
}

function parseCassette(text: string) {
  if (!text.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    const parsed = CassetteSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
