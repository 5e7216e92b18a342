import { defineCommand } from 'citty';
import type { Interaction } from '../../cassette/format.ts';
import { summarizeJson } from '../../cassette/json-preview.ts';
import { readCassette } from '../../cassette/store.ts';
import { CassetteFileNotFoundError } from '../cassette-files.ts';
import { withExamples } from '../command-help.ts';
import { figuresOf, type InteractionFigures } from '../metadata-bridge.ts';
import { type Colour, colourFor } from '../render/colour.ts';
import { formatCost, formatCount, formatMs } from '../render/units.ts';
import { streamTimeline, type TimelineEntry } from '../stream-timeline.ts';

/** One interaction as `inspect --json` prints it (the keys are public: keep them). */
export interface InteractionView {
  index: number;
  recorded_at: string;
  request: { method: string; url: string; model: string | null; stream: boolean; summary: string };
  response: {
    status: number;
    body_format: string | null;
    complete: boolean;
    events: number | null;
    error: string | null;
  };
  figures: InteractionFigures;
  timeline: TimelineEntry[] | null;
}

export function viewInteraction(interaction: Interaction, index: number): InteractionView {
  const { request, response } = interaction;
  const body = request.body;
  const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  return {
    index,
    recorded_at: interaction.recorded_at,
    request: {
      method: request.method,
      url: request.url,
      model: typeof fields.model === 'string' ? fields.model : null,
      stream: fields.stream === true,
      summary: body === undefined ? '(no body)' : summarizeJson(body, 160),
    },
    response: {
      status: response.status,
      body_format: response.body_format ?? null,
      complete: response.complete,
      events: response.events?.length ?? null,
      error: response.error ?? null,
    },
    figures: figuresOf(interaction),
    timeline: response.events ? streamTimeline(response.events) : null,
  };
}

export default withExamples(
  defineCommand({
    meta: {
      name: 'inspect',
      description:
        'Show a cassette at a glance: each request, its status, model, tokens, cost, TTFT, and a stream timeline.',
    },
    args: {
      cassette: { type: 'positional', required: true, description: 'The cassette file' },
      json: { type: 'boolean', description: 'Print the interactions as JSON' },
    },
    async run({ args }) {
      const cassette = await readCassette(args.cassette);
      if (!cassette) throw new CassetteFileNotFoundError(args.cassette);
      const views = cassette.interactions.map(viewInteraction);
      if (args.json) {
        const out = { path: args.cassette, name: cassette.name, interactions: views };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const colour = colourFor(process.stdout);
      const lines = [
        colour.bold(`${args.cassette}`) +
          colour.dim(
            ` (${cassette.interactions.length} interaction${cassette.interactions.length === 1 ? '' : 's'}, ${cassette.recorded_with})`,
          ),
      ];
      for (const view of views) lines.push('', ...renderView(view, colour));
      process.stdout.write(`${lines.join('\n')}\n`);
    },
  }),
  [
    'llm-cassette inspect cassettes/openai-chat-sse-usage-tool.json',
    'llm-cassette inspect cassettes/chat.json --json | jq ".interactions[].figures.total_cost"',
  ],
);

function renderView(view: InteractionView, colour: Colour): string[] {
  const { request, response, figures: f } = view;
  const ok = response.status < 400;
  const status = (ok ? colour.green : colour.red)(String(response.status));
  const shape = request.stream ? `stream, ${response.events ?? 0} events` : 'json';
  const broken = response.complete
    ? ''
    : colour.red(` broke off: ${response.error ?? 'incomplete'}`);
  const tokens =
    f.total_tokens === null && f.prompt_tokens === null
      ? 'tokens —'
      : `tokens ${formatCount(f.prompt_tokens)} in / ${formatCount(f.completion_tokens)} out / ${formatCount(f.total_tokens)} total` +
        (f.cached_tokens ? ` (${formatCount(f.cached_tokens)} cached)` : '');
  const lines = [
    `${colour.bold(`#${view.index}`)} ${request.method} ${request.url} → ${status} (${shape})${broken}`,
    `   request   ${request.summary}`,
    `   response  model ${f.model ?? request.model ?? '—'}, ${tokens}, cost ${formatCost(f.total_cost)}${f.total_cost === null && f.cost_unavailable_reason ? ` (${firstSentence(f.cost_unavailable_reason)})` : ''}, ` +
      `TTFT ${formatMs(f.time_to_first_token_ms)}, latency ${formatMs(f.latency_ms)}` +
      (f.finish_reason ? `, finish ${f.finish_reason}` : ''),
  ];
  if (view.timeline) {
    lines.push('   timeline');
    for (const entry of view.timeline) {
      const at =
        entry.count === 1
          ? formatMs(entry.first_ms)
          : `${Math.round(entry.first_ms)}–${formatMs(entry.last_ms)}`;
      lines.push(
        `   ${at.padStart(14)}  ${entry.label}${entry.count > 1 ? colour.dim(` ×${entry.count}`) : ''}`,
      );
    }
  }
  return lines;
}

/** The head of a long explanation; `--json` has all of it. */
function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end === -1 ? text.replace(/\.$/, '') : text.slice(0, end);
}
