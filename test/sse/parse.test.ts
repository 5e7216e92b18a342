import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SseMessage } from '../../src/sse/message.ts';
import { createSseParser, forEachSseData, parseSseText } from '../../src/sse/parse.ts';
import { serializeSseMessage } from '../../src/sse/serialize.ts';
import { readFixture } from '../support/fixtures.ts';

describe('parseSseText', () => {
  it('reads Anthropic events with their names, padding and the ping', () => {
    const messages = parseSseText(readFixture('anthropic-messages-sse-text-1.response.sse'));
    const events = messages.filter((m) => m.kind === 'event');
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(JSON.parse(events[0]!.data).message.id).toBe('msg_017A4s3HAsrqf5d2WvBmrpLr');
  });

  it('keeps comment lines such as OpenRouter processing notices', () => {
    const messages = parseSseText(readFixture('openrouter-chat-sse-cached-reasoning.response.sse'));
    expect(
      messages.some((m) => m.kind === 'comment' && m.comment === 'OPENROUTER PROCESSING'),
    ).toBe(true);
  });

  it('dispatches a last event that lost its blank line when the stream ends', () => {
    expect(parseSseText('data: {"a":1}\n')).toEqual([{ kind: 'event', data: '{"a":1}' }]);
  });
});

describe('createSseParser', () => {
  it('gives the same messages however the text is split', () => {
    const text = readFixture('openai-chat-sse-usage-tool.response.sse');
    const whole = parseSseText(text);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 })), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        const out: SseMessage[] = [];
        const parser = createSseParser((m) => out.push(m));
        for (let i = 1; i < points.length; i++) parser.feed(text.slice(points[i - 1], points[i]));
        parser.end();
        expect(out).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});

describe('forEachSseData', () => {
  it('yields the data of every event that parseSseText finds, including a cut-off last one', () => {
    const text = `${readFixture('anthropic-messages-sse-text-1.response.sse')}: keep-alive\n\nevent: message_delta\ndata: {"partial`;
    const datas: string[] = [];
    forEachSseData(text, (data) => datas.push(data));
    const events = parseSseText(text).filter((m) => m.kind === 'event');
    expect(datas).toEqual(events.map((m) => m.data));
    expect(datas.at(-1)).toBe('{"partial');
  });
});

describe('serializeSseMessage', () => {
  it('round-trips events, multi-line data, comments and retry', () => {
    const messages: SseMessage[] = [
      { kind: 'event', event: 'message_start', id: '7', data: '{"x":1}' },
      { kind: 'event', data: 'line one\nline two' },
      { kind: 'comment', comment: 'OPENROUTER PROCESSING' },
      { kind: 'retry', retry: 3000 },
      { kind: 'event', data: '[DONE]' },
    ];
    expect(parseSseText(messages.map(serializeSseMessage).join(''))).toEqual(messages);
  });
});
