import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets } from '../../src/cassette/secrets.ts';
import { parseSseText } from '../../src/sse/parse.ts';
import { REAL_FIXTURES_DIR } from '../support/fixtures.ts';

// Synthetic key-shaped strings, built here so that no real key is ever in the repository.
const fake = {
  openai: `sk-${'A1b2C3d4'.repeat(6)}`,
  openaiProject: `sk-proj-${'Ab3_x-Yz'.repeat(20)}`,
  openaiService: `sk-svcacct-${'Q9w8E7r6'.repeat(8)}`,
  anthropic: `sk-ant-api03-${'Zx_9-Yw8'.repeat(12)}AA`,
  google: `AIza${'SyB1c2D3e4'.repeat(3)}F5g6h`,
  groq: `gsk_${'a1B2c3D4'.repeat(7)}`,
  xai: `xai-${'Q1w2E3r4'.repeat(10)}`,
  bearer: `Bearer ${'eyJhbGciOi'.repeat(4)}.abc`,
};

describe('findSecrets', () => {
  it('finds each kind of key and says where it is', () => {
    const findings = findSecrets({
      request: {
        headers: { authorization: `Bearer ${fake.openaiProject}`, 'x-api-key': fake.anthropic },
        url: `https://generativelanguage.googleapis.com/v1/models?key=${fake.google}`,
        body: { messages: [{ content: `use ${fake.groq} and ${fake.xai}` }], keys: [fake.openai] },
      },
      response: { events: [{ t: 0, data: `{"token":"${fake.openaiService}"}` }] },
      proxy: fake.bearer,
    });
    expect(findings.map((f) => [f.path, f.kind])).toEqual([
      ['request.headers.authorization', 'openai'],
      ['request.headers["x-api-key"]', 'anthropic'],
      ['request.url', 'google'],
      ['request.body.messages[0].content', 'groq'],
      ['request.body.messages[0].content', 'xai'],
      ['request.body.keys[0]', 'openai'],
      ['response.events[0].data', 'openai'],
      ['proxy', 'bearer'],
    ]);
  });

  it('scans object keys too', () => {
    expect(findSecrets({ headers: { [fake.anthropic]: 'x' } })).toEqual([
      expect.objectContaining({
        path: `headers["${fake.anthropic}"]`,
        inKey: true,
        kind: 'anthropic',
      }),
    ]);
  });

  it('never shows the whole secret', () => {
    for (const secret of Object.values(fake)) {
      const [finding] = findSecrets(secret);
      expect(finding).toBeDefined();
      expect(finding!.masked).not.toContain(secret.slice(0, secret.length / 2 + 1));
      expect(finding!.masked).toContain(`(${secret.length} chars)`);
    }
    expect(findSecrets(fake.openaiProject)[0]!.masked).toMatch(/^"sk-proj-Ab3_…" \(/);
  });

  it('finds a key wherever it is placed in a JSON value', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(...Object.values(fake)),
        fc.constantFrom(' ', '"', '=', ':', '\n', ''),
        (value, secret, separator) => {
          const holder = {
            payload: value,
            note: `before${separator === '' ? ' ' : separator}${secret}${separator}`,
          };
          expect(findSecrets(holder).some((f) => f.path === 'note')).toBe(true);
        },
      ),
    );
  });

  it('does not flag provider ids, short sk- words, or key-like runs inside longer tokens', () => {
    const lookalikes = [
      'chatcmpl-AbCdEfGhIjKlMnOpQrStUvWxYz012345',
      'msg_01XFDUDYJgAACzvnptvVoYEL',
      'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
      'toolu_01A09q90qw90lq917835lq9',
      'task-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'risk-assessment-for-the-quarterly-planning-meeting',
      'desk-sk-abcdefghijklmnopqrstuvwxyz',
      `EqoBCkgIARABGAIiQL${fake.google}xYz+/=`,
      `Zm9v${fake.openai.replace('sk-', 'sk')}`,
      `x${fake.openaiProject}`,
      'sk-short',
      'Bearer [REDACTED]',
      'the bearer of bad news brought everything',
      'xai-grok-3-mini-fast-beta',
      'gsk_short',
    ];
    for (const text of lookalikes) expect(findSecrets({ text })).toEqual([]);
  });

  it('flags nothing in any of the real recordings (bodies, SSE events, thinking signatures)', () => {
    const files = readdirSync(REAL_FIXTURES_DIR);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(REAL_FIXTURES_DIR + file, 'utf8');
      expect(findSecrets({ file, text }), file).toEqual([]);
      if (file.endsWith('.json')) expect(findSecrets(JSON.parse(text)), file).toEqual([]);
      if (file.endsWith('.sse')) {
        const events = parseSseText(text).map((m) =>
          m.kind === 'event' && m.data.startsWith('{') ? JSON.parse(m.data) : m,
        );
        expect(findSecrets(events), file).toEqual([]);
      }
    }
  });
});
