import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, SHIPPED_CASSETTES } from '../support/cli-process.ts';

describe('llm-cassette inspect', () => {
  it('shows the request, status and a timeline of a stream’s events', async () => {
    const run = await runCliProcess(['inspect', 'cassettes/anthropic-messages-sse-text-1.json']);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(
      '#0 POST https://api.anthropic.com/v1/messages → 200 (stream, 10 events)',
    );
    expect(out).toContain('"model":"claude-sonnet-4-5"');
    expect(out).toMatch(/response {2}model claude-sonnet-4-5/);
    const timeline = out.slice(out.indexOf('timeline')).split('\n').slice(1, -1);
    expect(timeline.map((l) => l.trim().replace(/^[\d–.]+ m?s\s+/, ''))).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta ×4',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('--json lists each interaction with its figures and the folded timeline', async () => {
    const path = 'cassettes/openai-chat-sse-usage-tool.json';
    const run = await runCliProcess(['inspect', path, '--json']);
    expect(run.code).toBe(0);
    const view = JSON.parse(run.stdout);
    const cassette = JSON.parse(await readFile(join(SHIPPED_CASSETTES, '..', path), 'utf8'));
    expect(view.name).toBe(cassette.name);
    const [first] = view.interactions;
    expect(first.request).toMatchObject({ method: 'POST', model: 'gpt-4o-mini', stream: true });
    expect(first.response).toMatchObject({ status: 200, body_format: 'sse', complete: true });
    expect(first.response.events).toBe(cassette.interactions[0].response.events.length);
    expect(Object.keys(first.figures)).toEqual(
      expect.arrayContaining(['model', 'total_tokens', 'total_cost', 'time_to_first_token_ms']),
    );
    const labels = first.timeline.map((e: { label: string }) => e.label);
    expect(labels.at(-1)).toBe('[DONE]');
    expect(labels).toContain('chunk (finish: tool_calls)');
    const counted = first.timeline.reduce((n: number, e: { count: number }) => n + e.count, 0);
    expect(counted).toBe(first.response.events);
  });

  it('shows a JSON interaction without a timeline, and exits 2 for a missing file', async () => {
    const run = await runCliProcess(['inspect', 'cassettes/openai-chat-error-400.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('→ 400 (json)');
    expect(run.stdout).not.toContain('timeline');
    const missing = await runCliProcess(['inspect', 'cassettes/nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No cassette file at cassettes/nope.json');
  });
});
