/**
 * Builds the cassettes shipped under `cassettes/` the way a user records: the official SDKs,
 * pointed at each provider's real URL, make their calls through `useCassette` in record mode;
 * the `upstream` option sends those calls to a loopback stand-in that answers with the bytes of a
 * real recording from test/fixtures/real (no provider API is reachable from where this runs).
 *
 *   node --import tsx scripts/record-real-cassettes.ts [CASE ...]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { upstreamAt, useCassette } from '../src/index.ts';
import { REAL_FIXTURES_DIR } from '../test/support/fixtures.ts';
import { loadCase, ProviderServer } from '../test/support/provider-server.ts';
import { callThroughSdk, drain, ENDPOINTS } from '../test/support/sdk-call.ts';

interface Meta {
  provider: string;
  api: 'chat.completions' | 'responses' | 'messages';
  stream: boolean;
  status: number;
  url?: string | null;
  url_path?: string | null;
}

/** Where each provider lives, for recordings that kept only the path. */
const DEFAULT_ORIGINS: Record<string, string> = {
  openai: 'https://api.openai.com',
  anthropic: 'https://api.anthropic.com',
  deepseek: 'https://api.deepseek.com',
  groq: 'https://api.groq.com',
  xai: 'https://api.x.ai',
  'azure-openai': 'https://example-resource.openai.azure.com/openai',
};

export const STAND_IN_PROMPT =
  '(this request was not kept by the source recording; stand-in request)';

function responseModel(fixture: string, meta: Meta): string {
  const { body } = loadCase(fixture);
  const text = body.toString('utf8');
  if (!meta.stream) return (JSON.parse(text) as { model?: string }).model ?? 'unknown-model';
  const match = text.match(/"model":\s*"([^"]+)"/);
  return match?.[1] || 'unknown-model';
}

/** The request the SDK sends: the recorded one where the source kept it, else a stand-in. */
function requestFor(fixture: string, meta: Meta): Record<string, unknown> {
  const { request } = loadCase(fixture);
  if (request) return request as Record<string, unknown>;
  const model = responseModel(fixture, meta);
  const stream = meta.stream ? { stream: true } : {};
  switch (meta.api) {
    case 'messages':
      return {
        model,
        max_tokens: 1024,
        messages: [{ role: 'user', content: STAND_IN_PROMPT }],
        ...stream,
      };
    case 'responses':
      return { model, input: STAND_IN_PROMPT, ...stream };
    case 'chat.completions':
      return {
        model,
        messages: [{ role: 'user', content: STAND_IN_PROMPT }],
        ...stream,
        ...(meta.stream ? { stream_options: { include_usage: true } } : {}),
      };
  }
}

function targetUrl(meta: Meta): URL {
  if (meta.url) return new URL(meta.url);
  const origin = DEFAULT_ORIGINS[meta.provider] ?? 'https://api.openai.com';
  return new URL(`${origin}${meta.url_path ?? ENDPOINTS[meta.api]}`);
}

async function recordCase(fixture: string, dir: string): Promise<string> {
  const meta = JSON.parse(readFileSync(`${REAL_FIXTURES_DIR}${fixture}.meta.json`, 'utf8')) as Meta;
  const server = await ProviderServer.start();
  server.serve(fixture);
  const cassette = await useCassette(fixture, {
    dir,
    mode: 'record',
    hosts: 'all',
    upstream: upstreamAt(server.origin),
  });
  try {
    await drain(await callThroughSdk(meta.api, targetUrl(meta), requestFor(fixture, meta)));
  } catch (error) {
    // Error responses are recorded like any other; the SDK raising them is expected.
    if (meta.status < 400 && !(error instanceof Error && /terminated|error/i.test(error.message))) {
      throw error;
    }
  }
  const report = await cassette.eject();
  await server.stop();
  return `${fixture}: ${report.recorded} interaction(s) → ${report.path}`;
}

const requested = process.argv.slice(2);
const cases =
  requested.length > 0
    ? requested
    : readdirSync(REAL_FIXTURES_DIR)
        .filter((f) => f.endsWith('.meta.json'))
        .map((f) => f.slice(0, -'.meta.json'.length))
        .sort();
for (const fixture of cases) console.log(await recordCase(fixture, 'cassettes'));
if (requested.length === 0) writeProvenance(cases, 'cassettes/README.md');

/** cassettes/README.md: the public source of every recording, from the fixtures' meta.json. */
function writeProvenance(all: string[], path: string): void {
  const rows = all.map((fixture) => {
    const meta = JSON.parse(
      readFileSync(`${REAL_FIXTURES_DIR}${fixture}.meta.json`, 'utf8'),
    ) as Meta & {
      source_repo: string;
      source_path: string;
      commit: string;
      interaction_index?: number;
    };
    const { request } = loadCase(fixture);
    const at = meta.interaction_index === undefined ? '' : ` #${meta.interaction_index}`;
    return `| \`${fixture}.json\` | ${meta.provider} | ${meta.api} | ${meta.stream ? 'stream' : 'json'} | ${meta.status} | ${meta.source_repo} @ \`${meta.commit.slice(0, 12)}\`: \`${meta.source_path}\`${at} | ${request ? 'recorded' : 'stand-in'} |`;
  });
  writeFileSync(
    path,
    `# Shipped cassettes

Real provider traffic, recorded through llm-cassette as a user records: the official \`openai\` and
\`@anthropic-ai/sdk\` clients made each call to the provider's own URL inside \`useCassette\` (record
mode), and the \`upstream\` option sent it to a loopback stand-in that answered with the exact bytes
of a public project's recording of the live API (\`test/fixtures/real/\`, see its README). Response
bodies, ids and usage numbers are the providers'; nothing was invented or edited.

What is not the provider's: response headers other than \`content-type\` (the source recordings kept
bodies only), event timings (those of the loopback replay), and, where the column "request" says
*stand-in*, the request body (the source kept none; a minimal request with the response's model
stands in, its prompt saying so). Regenerate with \`node --import tsx scripts/record-real-cassettes.ts\`.

| cassette | provider | API | body | status | source (repository @ commit: path #interaction) | request |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`,
  );
}
