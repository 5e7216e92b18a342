import { describe, expect, it } from 'vitest';
import { NoMatchError } from '../../src/cassette/errors.ts';
import { createMatcher, matchOptionsForRedaction } from '../../src/cassette/matching.ts';
import { redactInteraction } from '../../src/cassette/redaction.ts';
import { buildInteraction, chatRequest } from './build-interaction.ts';

const hi = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

describe('createMatcher', () => {
  it('matches on method, URL and body whatever the body key order', () => {
    const matcher = createMatcher([buildInteraction({ body: hi })]);
    const result = matcher.take(
      chatRequest({ messages: [{ content: 'Hi', role: 'user' }], model: 'gpt-4o-mini' }),
    );
    expect(result).toMatchObject({ matched: true, index: 0 });
  });

  it('misses on a different body, method or URL', () => {
    const matcher = createMatcher([buildInteraction({ body: hi })]);
    expect(matcher.take(chatRequest({ ...hi, model: 'gpt-4o' })).matched).toBe(false);
    expect(matcher.take(chatRequest(hi, { method: 'PUT' })).matched).toBe(false);
    expect(
      matcher.take(chatRequest(hi, { url: 'https://api.openai.com/v1/responses' })).matched,
    ).toBe(false);
    expect(matcher.take(chatRequest(hi)).matched).toBe(true);
  });

  it('does not match request headers unless asked to', () => {
    const recorded = buildInteraction({
      body: hi,
      headers: { 'x-stainless-os': 'Linux', 'x-team': 'a' },
    });
    const requested = chatRequest(hi, {
      headers: { 'X-Stainless-OS': 'MacOS', 'X-Stainless-Retry-Count': '1', 'x-team': 'b' },
    });
    expect(createMatcher([recorded]).take(requested).matched).toBe(true);
    expect(createMatcher([recorded], { matchHeaders: ['X-Team'] }).take(requested).matched).toBe(
      false,
    );
    expect(
      createMatcher([recorded], { matchHeaders: ['x-team'] }).take({
        ...requested,
        headers: { 'X-Team': 'a' },
      }).matched,
    ).toBe(true);
  });

  it('replays identical requests in recorded order, each recording once', () => {
    const matcher = createMatcher([
      buildInteraction({ body: hi }, { body: { n: 1 } }),
      buildInteraction({ body: { other: true } }),
      buildInteraction({ body: hi }, { body: { n: 2 } }),
    ]);
    const first = matcher.take(chatRequest(hi));
    const second = matcher.take(chatRequest(hi));
    expect(first.matched && first.interaction.response.body).toEqual({ n: 1 });
    expect(second.matched && second.interaction.response.body).toEqual({ n: 2 });
    expect(matcher.take(chatRequest(hi))).toEqual({
      matched: false,
      repeat: { recorded: 2, requested: 3 },
    });
    expect(matcher.unused()).toEqual([1]);
  });

  it('replays the last recording again with allowPlaybackRepeats, with or without a user matcher', () => {
    const cassette = [
      buildInteraction({ body: hi }, { body: { n: 1 } }),
      buildInteraction({ body: hi }, { body: { n: 2 } }),
    ];
    for (const options of [{}, { match: () => true }]) {
      const matcher = createMatcher(cassette, { ...options, allowPlaybackRepeats: true });
      const bodies = [1, 2, 3, 4].map((): unknown => {
        const taken = matcher.take(chatRequest(hi));
        return taken.matched && taken.interaction.response.body;
      });
      expect(bodies).toEqual([{ n: 1 }, { n: 2 }, { n: 2 }, { n: 2 }]);
    }
  });

  it('says "recorded N times, requested N+1 times" when a repeat runs out', () => {
    const matcher = createMatcher([buildInteraction({ body: hi })]);
    matcher.take(chatRequest(hi));
    matcher.take(chatRequest(hi));
    const miss = matcher.take(chatRequest(hi));
    expect(miss).toEqual({ matched: false, repeat: { recorded: 1, requested: 3 } });
    const error = new NoMatchError({
      cassettePath: 'cassettes/repeat.json',
      request: chatRequest(hi),
      closest: matcher.closest(chatRequest(hi)),
      ...(miss.matched ? {} : { repeat: miss.repeat }),
    });
    expect(error.message).toContain('recorded once, and requested 3 times');
  });

  it('ignores query parameter order, ignored parameters and redacted credentials', () => {
    const recorded = buildInteraction({
      method: 'GET',
      url: 'https://generativelanguage.googleapis.com/v1/models?pageSize=5&key=[REDACTED]&after=x&trace=1',
    });
    const matcher = createMatcher([recorded], { ignoreQueryParams: ['trace'] });
    expect(
      matcher.take({
        method: 'get',
        url: 'https://GENERATIVELANGUAGE.googleapis.com/v1/models?after=x&key=AIzaRealKeyNotStored&pageSize=5&trace=2',
        headers: {},
      }).matched,
    ).toBe(true);
    const strict = createMatcher([recorded]);
    expect(
      strict.take({
        method: 'GET',
        url: 'https://generativelanguage.googleapis.com/v1/models?after=x&pageSize=5&trace=2',
        headers: {},
      }).matched,
    ).toBe(false);
  });

  it('leaves out ignored body fields, with [*] wildcards', () => {
    const recorded = buildInteraction({
      body: {
        ...hi,
        metadata: { user_id: 'u-1', team: 'a' },
        messages: [{ role: 'user', content: 'Hi', cache_control: { type: 'ephemeral' } }],
      },
    });
    const requested = chatRequest({
      ...hi,
      metadata: { user_id: 'u-2', team: 'a' },
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(createMatcher([recorded]).take(requested).matched).toBe(false);
    const matcher = createMatcher([recorded], {
      ignoreBodyFields: ['metadata.user_id', 'messages[*].cache_control'],
    });
    expect(matcher.take(requested).matched).toBe(true);
    expect(
      createMatcher([recorded], { ignoreBodyFields: ['metadata.user_id'] }).take(requested).matched,
    ).toBe(false);
  });

  it('lets a user matcher replace the body comparison, keeping method and URL', () => {
    const recorded = buildInteraction({ body: { ...hi, seed: 1 } });
    const sameModel = createMatcher([recorded], {
      match: (requested, rec) =>
        (requested.body as { model?: string }).model === (rec.body as { model?: string }).model,
    });
    expect(sameModel.take(chatRequest({ ...hi, seed: 99 })).matched).toBe(true);
    expect(sameModel.take(chatRequest({ ...hi, seed: 7 }))).toEqual({
      matched: false,
      repeat: { recorded: 1, requested: 2 },
    });
    const never = createMatcher([recorded], { match: () => false });
    expect(never.take(chatRequest({ ...hi, seed: 1 }))).toEqual({ matched: false });
    const always = createMatcher([recorded], { match: () => true });
    expect(always.take(chatRequest(hi, { method: 'DELETE' })).matched).toBe(false);
  });

  it('tracks unused interactions and appends new recordings', () => {
    const matcher = createMatcher([
      buildInteraction({ body: hi }),
      buildInteraction({ body: { other: 1 } }),
    ]);
    expect(matcher.unused()).toEqual([0, 1]);
    matcher.take(chatRequest({ other: 1 }));
    expect(matcher.unused()).toEqual([0]);

    const fresh = { ...hi, messages: [{ role: 'user', content: 'New' }] };
    expect(matcher.take(chatRequest(fresh)).matched).toBe(false);
    const index = matcher.add(buildInteraction({ body: fresh }));
    expect(index).toBe(2);
    expect(matcher.interactions).toHaveLength(3);
    expect(matcher.unused()).toEqual([0]);
    // Recorded once, already used by the request that caused it: a second identical one misses.
    expect(matcher.take(chatRequest(fresh))).toEqual({
      matched: false,
      repeat: { recorded: 1, requested: 2 },
    });
    const later = matcher.add(buildInteraction({ body: { late: true } }), { used: false });
    expect(matcher.take(chatRequest({ late: true }))).toMatchObject({
      matched: true,
      index: later,
    });
  });

  it('does not change the interactions it was given', () => {
    const interactions = [buildInteraction({ body: hi })];
    const matcher = createMatcher(interactions);
    matcher.add(buildInteraction({ body: { x: 1 } }));
    expect(interactions).toHaveLength(1);
  });

  it('matches text and absent bodies by their exact content', () => {
    const matcher = createMatcher([
      buildInteraction({ body_format: 'text', body: 'a=1' }),
      buildInteraction({ method: 'GET', url: 'https://api.openai.com/v1/models' }),
    ]);
    expect(matcher.take(chatRequest('a=2', { body_format: 'text' })).matched).toBe(false);
    expect(matcher.take(chatRequest('a=1', { body_format: 'text' })).matched).toBe(true);
    expect(
      matcher.take({ method: 'GET', url: 'https://api.openai.com/v1/models', headers: {} }).matched,
    ).toBe(true);
  });
});

describe('matcher.closest', () => {
  const interactions = [
    buildInteraction({ method: 'GET', url: 'https://api.openai.com/v1/models' }),
    buildInteraction({
      body: {
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          { role: 'user', content: 'Hi' },
        ],
      },
    }),
    buildInteraction({ body: { model: 'gpt-4o', messages: [] } }),
  ];
  const requested = chatRequest({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'user', content: 'Hello' },
    ],
  });

  it('ranks recorded requests by likeness, with the differences by JSON path', () => {
    const closest = createMatcher(interactions).closest(requested);
    expect(closest.map((c) => c.index)).toEqual([1, 2, 0]);
    expect(closest[0]!.differences).toEqual([
      { part: 'body', path: 'messages[2].content', recorded: 'Hi', requested: 'Hello' },
    ]);
    expect(closest[2]!.differences.map((d) => d.part)).toContain('method');
    expect(createMatcher(interactions).closest(requested, 1)).toHaveLength(1);
  });

  it('feeds a NoMatchError that names the file, the request, the diff and the re-record command', () => {
    const matcher = createMatcher(interactions);
    expect(matcher.take(requested).matched).toBe(false);
    const error = new NoMatchError({
      cassettePath: 'cassettes/chat-reply.json',
      request: requested,
      closest: matcher.closest(requested),
      mode: 'replay',
    });
    expect(error.code).toBe('no_match');
    expect(error.message).toContain('cassettes/chat-reply.json');
    expect(error.message).toContain('POST https://api.openai.com/v1/chat/completions');
    expect(error.message).toContain('"model":"gpt-4o-mini","messages":[3 items]');
    expect(error.message).toContain('messages[2].content: recorded "Hi" → requested "Hello"');
    expect(error.message).toContain('LLM_CASSETTE_MODE=record');
    expect(error.message).toContain('#1 POST');
  });

  it('shows query and header differences under their own names', () => {
    const matcher = createMatcher(
      [
        buildInteraction({
          method: 'GET',
          url: 'https://api.openai.com/v1/files?after=a&limit=2',
          headers: { 'x-team': 'a' },
        }),
      ],
      { matchHeaders: ['x-team'] },
    );
    const [candidate] = matcher.closest({
      method: 'GET',
      url: 'https://api.openai.com/v1/files?limit=2&after=b',
      headers: { 'X-Team': 'b' },
    });
    expect(candidate!.differences).toEqual([
      { part: 'query', path: 'query.after', recorded: 'a', requested: 'b' },
      { part: 'header', path: 'headers["x-team"]', recorded: 'a', requested: 'b' },
    ]);
  });
});

describe('matcher cost', () => {
  it('reads each recorded request once, at creation, not on every lookup', () => {
    let reads = 0;
    const interactions = Array.from({ length: 50 }, (_, i) => {
      const interaction = buildInteraction({ body: { model: 'm', n: i } });
      const { body } = interaction.request;
      Object.defineProperty(interaction.request, 'body', {
        enumerable: true,
        get: () => {
          reads++;
          return body;
        },
      });
      return interaction;
    });
    const matcher = createMatcher(interactions);
    const afterCreation = reads;
    expect(afterCreation).toBeGreaterThan(0);
    for (let i = 49; i >= 0; i--) {
      expect(matcher.take(chatRequest({ n: i, model: 'm' }))).toMatchObject({ index: i });
    }
    expect(reads).toBe(afterCreation);
  });
});

describe('matchOptionsForRedaction', () => {
  it('replays a cassette whose body paths and query parameters were redacted on write', () => {
    const redaction = {
      bodyPaths: ['metadata.user_id'],
      queryParams: ['tenant'],
      headers: ['x-tenant'],
    };
    const recorded = redactInteraction(
      buildInteraction({
        url: 'https://api.openai.com/v1/chat/completions?tenant=acme',
        headers: { 'x-tenant': 'acme', 'x-region': 'eu' },
        body: { ...hi, metadata: { user_id: 'u-42' } },
      }),
      redaction,
    );
    const requested = chatRequest(
      { ...hi, metadata: { user_id: 'u-42' } },
      {
        url: 'https://api.openai.com/v1/chat/completions?tenant=acme',
        headers: { 'x-tenant': 'acme', 'x-region': 'eu' },
      },
    );
    const options = { matchHeaders: ['x-tenant', 'x-region'] };
    expect(createMatcher([recorded], options).take(requested).matched).toBe(false);
    const matcher = createMatcher([recorded], matchOptionsForRedaction(options, redaction));
    expect(matcher.take(requested).matched).toBe(true);
    expect(matchOptionsForRedaction(options, redaction).matchHeaders).toEqual(['x-region']);
  });
});
