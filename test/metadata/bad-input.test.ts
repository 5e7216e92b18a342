import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extractMetadata,
  UnrecognizedInputError,
  UnrecognizedResponseError,
  UnrecognizedStreamError,
} from '../../src/index.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { REAL_CASES, realCase } from '../providers/real-cases.ts';
import { RECORDED_AT } from './stream-text.ts';

const STREAMS = REAL_CASES.filter((c) => c.meta.stream && c.meta.status < 400);

describe('a truncated stream gives the record of what arrived, finishing in error', () => {
  for (const c of STREAMS) {
    it(c.name, () => {
      const whole = extractMetadata({ request: c.request, response: c.body, url: c.url });
      // Cut inside the stream, mid-payload, before its terminal event.
      const cut = c.body.slice(0, Math.floor(c.body.length * 0.6));
      const { metadata, message } = extractMetadata({
        request: c.request,
        response: cut,
        url: c.url,
      });
      expect(metadata.finish_reason).toBe('error');
      expect(metadata.error_type).toBe('stream_truncated');
      expect(metadata.completion_id).toBe(whole.metadata.completion_id);
      expect(metadata.model).toBe(whole.metadata.model);
      expect(whole.message.content ?? '').toContain(message.content ?? '');
    });
  }

  it('a cassette interaction marked incomplete keeps the transport error', () => {
    const c = realCase('openai-chat-sse-usage-tool');
    const events = parseSseText(c.body).flatMap((m) =>
      m.kind === 'event' ? [{ t: 5, json: JSON.parse(m.data === '[DONE]' ? 'null' : m.data) }] : [],
    );
    const { metadata } = extractMetadata({
      recorded_at: RECORDED_AT,
      request: {
        method: 'POST',
        url: c.url ?? '',
        headers: {},
        body_format: 'json',
        body: c.request as never,
      },
      response: {
        status: 200,
        headers: {},
        body_format: 'sse',
        events: events.slice(0, 4),
        complete: false,
        error: 'socket hang up',
        timing: { ttfb_ms: 3, duration_ms: 9 },
      },
    });
    expect(metadata.finish_reason).toBe('error');
    expect(metadata.error_message).toBe('socket hang up');
    expect(metadata.latency_ms).toBe(9);
    expect(metadata.time_to_first_token_ms).toBe(5);
    expect(metadata.completion_id).toBe('chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl');
  });
});

describe('errors give a record with finish_reason error and the provider error', () => {
  it('an HTTP error with a provider error body', () => {
    const c = realCase('anthropic-messages-error-400');
    const { metadata } = extractMetadata({
      request: c.request,
      response: c.body,
      url: c.url,
      status: 400,
    });
    expect(metadata).toMatchObject({
      finish_reason: 'error',
      http_status: 400,
      error_type: 'invalid_request_error',
      error_message:
        "This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.",
      request_id: 'req_011Ca7jT9AHpgXgdv8igm4z9',
      prompt_tokens: null,
      total_cost: null,
    });
  });

  it('a 5xx with an HTML body', () => {
    const { metadata } = extractMetadata({
      response: '<html><body>502 Bad Gateway</body></html>',
      url: 'https://api.openai.com/v1/chat/completions',
      status: 502,
    });
    expect(metadata).toMatchObject({
      provider: 'openai',
      api: 'chat.completions',
      finish_reason: 'error',
      http_status: 502,
      error_type: 'http_502',
      error_message: '<html><body>502 Bad Gateway</body></html>',
    });
  });

  it('a Responses stream that fails inside HTTP 200 (response.failed)', () => {
    const c = realCase('openai-responses-sse-error-failed');
    const { metadata } = extractMetadata({ response: c.body, url: c.url });
    expect(metadata.finish_reason).toBe('error');
    expect(metadata.provider_finish_reason).toBe('failed');
    expect(metadata.error_type).toBe('insufficient_quota');
    expect(metadata.error_message).toMatch(/^You exceeded your current quota/);
  });

  it('a Chat Completions chunk with an error object (OpenRouter mid-stream error)', () => {
    const head = {
      id: 'gen-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'openai/gpt-4o',
    };
    const text = [
      { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' } }] },
      {
        ...head,
        error: { code: 502, message: 'Provider returned error' },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      },
    ]
      .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
      .join('');
    const { metadata, message } = extractMetadata({
      response: text,
      url: 'https://openrouter.ai/api/v1/chat/completions',
    });
    expect(metadata).toMatchObject({
      finish_reason: 'error',
      error_type: '502',
      error_message: 'Provider returned error',
    });
    expect(message.content).toBe('Hel');
  });

  it('an Anthropic error event inside a 200 stream', () => {
    const c = realCase('anthropic-messages-sse-text-1');
    const cut = c.body.slice(0, c.body.indexOf('event: message_delta'));
    const text = `${cut}event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n`;
    const { metadata } = extractMetadata({ response: text, url: c.url });
    expect(metadata).toMatchObject({
      finish_reason: 'error',
      error_type: 'overloaded_error',
      error_message: 'Overloaded',
    });
  });
});

describe('Responses incomplete status', () => {
  const body = JSON.parse(realCase('openai-responses-json-text').body);
  it.each([
    ['max_output_tokens', 'length'],
    ['content_filter', 'content_filter'],
  ])('incomplete_details.reason %s → %s', (reason, finish) => {
    const incomplete = { ...body, status: 'incomplete', incomplete_details: { reason } };
    const { metadata } = extractMetadata(incomplete);
    expect(metadata.finish_reason).toBe(finish);
    expect(metadata.provider_finish_reason).toBe(reason);
  });
});

describe('unknown input', () => {
  it('a body of no known shape names what was expected', () => {
    expect(() => extractMetadata({ hello: 'world' })).toThrow(UnrecognizedResponseError);
    expect(() => extractMetadata({ hello: 'world' })).toThrow(/Expected a Chat Completions body/);
  });
  it('a stream of no known events names what was expected', () => {
    expect(() => extractMetadata('data: {"foo":1}\n\n')).toThrow(UnrecognizedStreamError);
    expect(() => extractMetadata('data: {"foo":1}\n\n')).toThrow(/Anthropic Messages event/);
  });
  it('neither an object nor text', () => {
    expect(() => extractMetadata(42)).toThrow(UnrecognizedInputError);
  });
});

describe('new provider fields never break extraction', () => {
  const c = realCase('anthropic-messages-sse-tool-parallel');
  const events = parseSseText(c.body).flatMap((m) =>
    m.kind === 'event' ? [JSON.parse(m.data)] : [],
  );
  const base = extractMetadata({ response: events, url: c.url, recorded_at: RECORDED_AT });
  it('unknown keys added anywhere in the events', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), (key, value) => {
        const name = `x_new_${key}`;
        const extended = events.map((event) => ({ ...event, [name]: value }));
        expect(
          extractMetadata({ response: extended, url: c.url, recorded_at: RECORDED_AT }),
        ).toEqual(base);
      }),
      { numRuns: 30 },
    );
  });
});
