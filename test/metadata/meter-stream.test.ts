import { describe, expect, it } from 'vitest';
import { extractMetadata, meterStream } from '../../src/index.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { realCase } from '../providers/real-cases.ts';

/** The events an SDK stream yields for a recording: each `data:` payload, parsed. */
function sdkEvents(name: string): unknown[] {
  return parseSseText(realCase(name).body).flatMap((m) =>
    m.kind === 'event' && m.data !== '[DONE]' ? [JSON.parse(m.data)] : [],
  );
}

async function* yieldAll<T>(events: readonly T[], failAfter = Number.POSITIVE_INFINITY) {
  let n = 0;
  for (const event of events) {
    if (n++ === failAfter) throw new Error('ECONNRESET');
    yield event;
  }
}

describe('meterStream', () => {
  it('yields the SDK events unchanged and resolves the same record as the recording', async () => {
    const c = realCase('anthropic-messages-sse-tool-parallel');
    const events = sdkEvents(c.name);
    const metered = meterStream(yieldAll(events), {
      request: c.request,
      extra: { session_id: 's-1' },
    });
    const seen: unknown[] = [];
    for await (const event of metered) seen.push(event);
    expect(seen).toEqual(events);
    for (let i = 0; i < events.length; i++) expect(seen[i]).toBe(events[i]);

    const { metadata, message } = await metered.result;
    const fromText = extractMetadata({ request: c.request, response: c.body, url: c.url });
    expect(message).toEqual(fromText.message);
    expect(metadata).toMatchObject({
      provider: 'anthropic',
      completion_id: 'msg_0138UNF3YbNp49KkqZtUBWqz',
      finish_reason: 'tool_calls',
      session_id: 's-1',
      stream: true,
    });
    expect(metadata.latency_ms).toBeGreaterThanOrEqual(0);
    expect(metadata.time_to_first_token_ms).toBeGreaterThanOrEqual(0);
  });

  it('a stream that throws mid-way still resolves with what arrived, finishing in error', async () => {
    const events = sdkEvents('openai-chat-sse-usage-tool');
    const metered = meterStream(yieldAll(events, 4), {
      request: realCase('openai-chat-sse-usage-tool').request,
    });
    await expect(async () => {
      for await (const _ of metered) {
        // consume
      }
    }).rejects.toThrow('ECONNRESET');
    const { metadata } = await metered.result;
    expect(metadata).toMatchObject({
      completion_id: 'chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl',
      finish_reason: 'error',
      error_type: 'stream_truncated',
      error_message: 'ECONNRESET',
    });
  });

  it('a consumer that leaves the loop early gives a record of what it read', async () => {
    const events = sdkEvents('openai-responses-sse-text');
    const metered = meterStream(yieldAll(events));
    let n = 0;
    for await (const _ of metered) if (++n === 5) break;
    const { metadata } = await metered.result;
    expect(metadata.finish_reason).toBe('error');
    expect(metadata.completion_id).toBe('resp_0fef0f8a68937870006911e9ecf124819491634b434678464a');
  });
});
