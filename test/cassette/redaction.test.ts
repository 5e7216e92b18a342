import { describe, expect, it } from 'vitest';
import {
  combineRedactionRules,
  DEFAULT_REDACTION,
  REDACTED,
  redactInteraction,
} from '../../src/cassette/redaction.ts';
import { buildInteraction } from './build-interaction.ts';

const secretHeaders = {
  Authorization: 'Bearer live-token',
  'x-api-key': 'key-1',
  'api-key': 'key-2',
  'openai-organization': 'org-1',
  'openai-project': 'proj-1',
  cookie: 'session=1',
  'proxy-authorization': 'Basic abc',
  'x-goog-api-key': 'goog-1',
  'content-type': 'application/json',
};

describe('redactInteraction', () => {
  it('redacts the default headers in requests and responses, in any case', () => {
    const redacted = redactInteraction(
      buildInteraction(
        { headers: secretHeaders },
        { headers: { 'Set-Cookie': '__cf_bm=abc', 'x-request-id': 'req_1' } },
      ),
    );
    for (const [name, value] of Object.entries(redacted.request.headers)) {
      expect(value).toBe(name === 'content-type' ? 'application/json' : REDACTED);
    }
    expect(redacted.response.headers).toEqual({ 'Set-Cookie': REDACTED, 'x-request-id': 'req_1' });
  });

  it('redacts the default query parameters and leaves the rest of the URL as it was', () => {
    const redacted = redactInteraction(
      buildInteraction({
        url: 'https://example.test/v1/models/gemini:generate?alt=sse&key=AIzaSecret&API_KEY=x&token=t&access_token=a&api-key=k&q=a%20b#frag',
      }),
    );
    expect(redacted.request.url).toBe(
      'https://example.test/v1/models/gemini:generate?alt=sse&key=[REDACTED]&API_KEY=[REDACTED]&token=[REDACTED]&access_token=[REDACTED]&api-key=[REDACTED]&q=a%20b#frag',
    );
    expect(DEFAULT_REDACTION.queryParams).toEqual([
      'key',
      'api_key',
      'api-key',
      'access_token',
      'token',
    ]);
  });

  it('extends the defaults with user headers, query parameters and body paths', () => {
    const interaction = buildInteraction(
      {
        url: 'https://example.test/v1/chat?tenant=acme',
        headers: { 'x-tenant-secret': 's', authorization: 'Bearer t' },
        body: { metadata: { user_id: 'u-1' }, messages: [{ content: 'a' }, { content: 'b' }] },
      },
      {
        body_format: 'sse',
        body: undefined,
        events: [
          { t: 1, json: { metadata: { user_id: 'u-1' } } },
          { t: 2, data: '[DONE]' },
        ],
      },
    );
    const redacted = redactInteraction(interaction, {
      headers: ['X-Tenant-Secret'],
      queryParams: ['tenant'],
      bodyPaths: ['metadata.user_id', 'messages[*].content', 'absent.field'],
    });
    expect(redacted.request.headers).toEqual({
      'x-tenant-secret': REDACTED,
      authorization: REDACTED,
    });
    expect(redacted.request.url).toBe('https://example.test/v1/chat?tenant=[REDACTED]');
    expect(redacted.request.body).toEqual({
      metadata: { user_id: REDACTED },
      messages: [{ content: REDACTED }, { content: REDACTED }],
    });
    expect(redacted.response.events).toEqual([
      { t: 1, json: { metadata: { user_id: REDACTED } } },
      { t: 2, data: '[DONE]' },
    ]);
    // Pure: the input is untouched.
    expect(interaction.request.headers.authorization).toBe('Bearer t');
    expect(interaction.request.body).toEqual({
      metadata: { user_id: 'u-1' },
      messages: [{ content: 'a' }, { content: 'b' }],
    });
  });

  it('re-applies the defaults after a user hook, so a hook cannot drop them', () => {
    const interaction = buildInteraction({ headers: { authorization: 'Bearer t' } });
    const redacted = redactInteraction(interaction, {
      headers: [],
      queryParams: [],
      // A hook that tries to put the credential back, and changes something of its own.
      redact: (copy) => {
        copy.request.headers.authorization = 'Bearer t';
        copy.request.headers['x-extra'] = 'kept';
        copy.request.url += '?key=leak';
        return copy;
      },
    });
    expect(redacted.request.headers).toEqual({ authorization: REDACTED, 'x-extra': 'kept' });
    expect(redacted.request.url).toMatch(/\?key=\[REDACTED\]$/);
    expect(interaction.request.headers).toEqual({ authorization: 'Bearer t' });
  });

  it('is idempotent', () => {
    const once = redactInteraction(
      buildInteraction({ headers: secretHeaders, url: 'https://x.test/?key=1' }),
    );
    expect(redactInteraction(once)).toEqual(once);
  });
});

describe('combineRedactionRules (config file + cassette options)', () => {
  it('applies both sets of rules together, on top of the defaults', () => {
    const rules = combineRedactionRules(
      { headers: ['x-team-token'], bodyPaths: ['metadata.user_id'] },
      {
        queryParams: ['sig'],
        redact: (i) => ({
          ...i,
          request: { ...i.request, url: i.request.url.replace('acme', 'x') },
        }),
      },
    );
    const redacted = redactInteraction(
      buildInteraction({
        url: 'https://acme.test/v1/chat/completions?sig=s1',
        headers: { 'X-Team-Token': 't', authorization: 'Bearer b' },
        body: { metadata: { user_id: 'u-1' }, model: 'm' },
      }),
      rules,
    );
    expect(redacted.request.url).toBe('https://x.test/v1/chat/completions?sig=[REDACTED]');
    expect(redacted.request.headers).toEqual({ 'X-Team-Token': REDACTED, authorization: REDACTED });
    expect(redacted.request.body).toEqual({ metadata: { user_id: REDACTED }, model: 'm' });
  });
});
