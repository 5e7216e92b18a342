import { describe, expect, it } from 'vitest';
import {
  CassetteCorruptError,
  CassetteVersionError,
  NoMatchError,
  SecretInCassetteError,
  UnusedInteractionsError,
} from '../../src/cassette/errors.ts';
import { parseCassette } from '../../src/cassette/store.ts';
import { LlmCassetteError } from '../../src/errors.ts';
import { chatRequest } from './build-interaction.ts';

describe('cassette errors', () => {
  it('all carry their code and extend LlmCassetteError', () => {
    const request = chatRequest({ model: 'm' });
    const errors = [
      new NoMatchError({ cassettePath: 'c.json', request, closest: [] }),
      new CassetteCorruptError('c.json', [{ place: 'version', message: 'bad' }]),
      new CassetteVersionError('c.json', 2, 1),
      new SecretInCassetteError('c.json', []),
      new UnusedInteractionsError('c.json', []),
    ];
    expect(errors.map((e) => e.code)).toEqual([
      'no_match',
      'cassette_corrupt',
      'cassette_version',
      'secret_in_cassette',
      'unused_interactions',
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(LlmCassetteError);
      expect(error.name).toBe(error.constructor.name);
    }
  });

  it('NoMatchError prints a ready command when the test file is known, and an empty cassette plainly', () => {
    const error = new NoMatchError({
      cassettePath: 'cassettes/empty.json',
      request: { method: 'GET', url: 'https://api.anthropic.com/v1/models', headers: {} },
      closest: [],
      testFile: 'test/models.test.ts',
    });
    expect(error.message).toContain('GET https://api.anthropic.com/v1/models');
    expect(error.message).toContain('The cassette holds no interactions.');
    expect(error.message).toContain('LLM_CASSETTE_MODE=record npx vitest run test/models.test.ts');
  });

  it('UnusedInteractionsError lists the interactions no request used', () => {
    const error = new UnusedInteractionsError('cassettes/strict.json', [
      { index: 1, request: chatRequest({ model: 'a' }) },
      {
        index: 3,
        request: { method: 'get', url: 'https://api.openai.com/v1/models', headers: {} },
      },
    ]);
    expect(error.message).toContain('cassettes/strict.json has 2 recorded interactions');
    expect(error.message).toContain('#1 POST https://api.openai.com/v1/chat/completions');
    expect(error.message).toContain('#3 GET https://api.openai.com/v1/models');
    expect(error.message).toContain('strict');
  });

  it('CassetteVersionError says to re-record an older cassette', () => {
    const old = new CassetteVersionError('c.json', 0, 1);
    expect(old.message).toContain('version 0');
    expect(old.message).toContain('LLM_CASSETTE_MODE=record');
    expect(() => parseCassette(JSON.stringify({ version: 0 }), 'old.json')).toThrow(
      CassetteVersionError,
    );
  });

  it('a missing or non-numeric version is a corrupt file, with the path of the field', () => {
    for (const raw of [{ name: 'x' }, { version: '1' }, []]) {
      try {
        parseCassette(JSON.stringify(raw), 'odd.json');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CassetteCorruptError);
        expect((error as CassetteCorruptError).message).toContain('odd.json');
      }
    }
    try {
      parseCassette('{"version":"1","name":"x","recorded_with":"y","interactions":[]}', 'v.json');
      expect.unreachable();
    } catch (error) {
      expect((error as CassetteCorruptError).problems.map((p) => p.place)).toEqual(['version']);
    }
  });
});
