import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CassetteCorruptError,
  CassetteVersionError,
  SecretInCassetteError,
} from '../../src/cassette/errors.ts';
import type { Cassette } from '../../src/cassette/format.ts';
import { REDACTED } from '../../src/cassette/redaction.ts';
import {
  type CassetteFs,
  readCassette,
  serializeCassette,
  writeCassette,
} from '../../src/cassette/store.ts';
import { buildInteraction } from './build-interaction.ts';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'llm-cassette-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function cassette(interactions = [buildInteraction({ body: { model: 'gpt-4o-mini' } })]): Cassette {
  return { version: 1, name: 'chat', recorded_with: 'llm-cassette 0.1.0', interactions };
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('readCassette', () => {
  it('returns undefined when nothing was recorded yet', async () => {
    expect(await readCassette(join(dir, 'missing.json'))).toBeUndefined();
  });

  it('reads back what writeCassette wrote', async () => {
    const path = join(dir, 'chat.json');
    const written = await writeCassette(path, cassette());
    expect(await readCassette(path)).toEqual(written);
  });

  it('names the file and the line:column of a JSON syntax error', async () => {
    const path = join(dir, 'broken.json');
    await fs.writeFile(
      path,
      '{\n  "version": 1,\n  "name": "x",\n  "interactions": [\n    { "a": }\n  ]\n}\n',
    );
    const error = await caught(readCassette(path));
    expect(error).toBeInstanceOf(CassetteCorruptError);
    expect((error as CassetteCorruptError).code).toBe('cassette_corrupt');
    expect(error.message).toContain(path);
    expect(error.message).toContain('line 5, column 12');
  });

  it('locates an unexpected end of file too', async () => {
    const path = join(dir, 'truncated.json');
    await fs.writeFile(path, '{\n  "version": 1,\n  "name": "trunc');
    const error = (await caught(readCassette(path))) as CassetteCorruptError;
    expect(error.problems[0]!.place).toBe('line 3, column 17');
    expect(error.message).toContain('end of file');
  });

  it('lists every schema violation by its JSON path', async () => {
    const path = join(dir, 'invalid.json');
    const bad = JSON.parse(JSON.stringify(cassette([buildInteraction(), buildInteraction()])));
    bad.interactions[0].response.status = 'ok';
    bad.interactions[1].request.method = 7;
    delete bad.recorded_with;
    await fs.writeFile(path, JSON.stringify(bad, null, 2));
    const error = (await caught(readCassette(path))) as CassetteCorruptError;
    expect(error).toBeInstanceOf(CassetteCorruptError);
    expect(error.problems.map((p) => p.place).sort()).toEqual([
      'interactions[0].response.status',
      'interactions[1].request.method',
      'recorded_with',
    ]);
    expect(error.message).toContain('interactions[0].response.status:');
    expect(error.message).toContain(path);
  });

  it('says which version it found and which it reads', async () => {
    const path = join(dir, 'future.json');
    await fs.writeFile(path, JSON.stringify({ ...cassette(), version: 2, shape: 'new' }));
    const error = (await caught(readCassette(path))) as CassetteVersionError;
    expect(error).toBeInstanceOf(CassetteVersionError);
    expect(error.code).toBe('cassette_version');
    expect(error.found).toBe(2);
    expect(error.supported).toBe(1);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/upgrade/i);
  });
});

describe('writeCassette', () => {
  it('redacts on write, whatever the caller passed', async () => {
    const path = join(dir, 'redacted.json');
    await writeCassette(
      path,
      cassette([
        buildInteraction(
          {
            headers: { authorization: 'Bearer not-a-key-shape', 'x-user': 'u1' },
            url: 'https://x.test/v1?key=k',
          },
          { headers: { 'set-cookie': 'a=b' } },
        ),
      ]),
      { redaction: { headers: ['x-user'] } },
    );
    const text = await fs.readFile(path, 'utf8');
    expect(text).not.toContain('not-a-key-shape');
    expect(text).not.toContain('u1');
    expect(text).not.toContain('a=b');
    const stored = await readCassette(path);
    expect(stored!.interactions[0]!.request.headers).toEqual({
      authorization: REDACTED,
      'x-user': REDACTED,
    });
    expect(stored!.interactions[0]!.request.url).toBe('https://x.test/v1?key=[REDACTED]');
  });

  it('refuses to write a cassette holding a key-shaped secret, and writes nothing', async () => {
    const path = join(dir, 'nested', 'secret.json');
    const key = `sk-proj-${'Ab3_x-Yz'.repeat(20)}`;
    const error = await caught(
      writeCassette(
        path,
        cassette([
          buildInteraction({ body: { messages: [{ role: 'user', content: `my key is ${key}` }] } }),
        ]),
      ),
    );
    expect(error).toBeInstanceOf(SecretInCassetteError);
    expect((error as SecretInCassetteError).code).toBe('secret_in_cassette');
    expect(error.message).toContain(path);
    expect(error.message).toContain('interactions[0].request.body.messages[0].content');
    expect(error.message).toContain('OpenAI API key');
    expect(error.message).not.toContain(key);
    expect(error.message).not.toContain(key.slice(0, 20));
    await expect(fs.stat(path)).rejects.toThrow();
    await expect(fs.readdir(join(dir, 'nested'))).rejects.toThrow();
  });

  it('refuses an existing cassette too and leaves the old file as it was', async () => {
    const path = join(dir, 'keep.json');
    await writeCassette(path, cassette());
    const before = await fs.readFile(path, 'utf8');
    const key = `AIza${'SyB1c2D3e4'.repeat(3)}F5g6h`;
    await expect(
      writeCassette(path, cassette([buildInteraction({ headers: { 'x-custom-key': key } })])),
    ).rejects.toBeInstanceOf(SecretInCassetteError);
    expect(await fs.readFile(path, 'utf8')).toBe(before);
    expect(await fs.readdir(dir)).toEqual(['keep.json']);
  });

  it('creates the directory and writes stable, reviewable JSON', async () => {
    const path = join(dir, 'a', 'b', 'stable.json');
    const interaction = buildInteraction(
      {
        headers: { 'x-b': '1', 'content-type': 'application/json', 'x-a': '2' },
        body: { z: 1, a: 2 },
      },
      {},
    );
    // Keys deliberately out of schema order.
    const shuffled = {
      interactions: [
        {
          response: Object.fromEntries(Object.entries(interaction.response).reverse()),
          request: interaction.request,
          recorded_at: interaction.recorded_at,
        },
      ],
      recorded_with: 'llm-cassette 0.1.0',
      name: 'stable',
      version: 1,
    } as unknown as Cassette;
    await writeCassette(path, shuffled);
    const text = await fs.readFile(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "version": 1,\n  "name": "stable",\n  "recorded_with"')).toBe(
      true,
    );
    const stored = JSON.parse(text);
    expect(Object.keys(stored.interactions[0])).toEqual(['recorded_at', 'request', 'response']);
    expect(Object.keys(stored.interactions[0].request.headers)).toEqual([
      'content-type',
      'x-a',
      'x-b',
    ]);
    // Bodies keep their own order: they are the wire's, not ours.
    expect(Object.keys(stored.interactions[0].request.body)).toEqual(['z', 'a']);
    expect(Object.keys(stored.interactions[0].response)).toEqual([
      'status',
      'headers',
      'body_format',
      'body',
      'complete',
      'timing',
    ]);
    expect(text).toBe(serializeCassette(JSON.parse(text)));
  });

  it('leaves the old cassette intact and no half file when it crashes before the rename', async () => {
    const path = join(dir, 'atomic.json');
    await writeCassette(path, cassette());
    const before = await fs.readFile(path, 'utf8');
    let tempPath = '';
    let tempContentAtCrash = '';
    const crashing: CassetteFs = {
      mkdir: (p, o) => fs.mkdir(p, o),
      open: async (p, flags) => {
        tempPath = p;
        return fs.open(p, flags);
      },
      rename: async (from) => {
        tempContentAtCrash = await fs.readFile(from, 'utf8');
        throw Object.assign(new Error('simulated crash between write and rename'), { code: 'EIO' });
      },
      rm: (p, o) => fs.rm(p, o),
    };
    const next = cassette([buildInteraction({ body: { model: 'gpt-4o' } }), buildInteraction()]);
    await expect(writeCassette(path, next, { fs: crashing })).rejects.toThrow('simulated crash');
    // The new content had been fully written and synced to the temporary file...
    expect(JSON.parse(tempContentAtCrash).interactions).toHaveLength(2);
    expect(tempPath.startsWith(dir)).toBe(true);
    // ...yet the target still holds the old cassette, and the temporary file is gone.
    expect(await fs.readFile(path, 'utf8')).toBe(before);
    expect(await fs.readdir(dir)).toEqual(['atomic.json']);
  });

  it('cleans up when the write itself fails', async () => {
    const path = join(dir, 'write-fails.json');
    const failing: CassetteFs = {
      mkdir: (p, o) => fs.mkdir(p, o),
      open: async (p, flags) => {
        const handle = await fs.open(p, flags);
        return {
          writeFile: async () => {
            await handle.writeFile('{"half": ', 'utf8');
            throw new Error('disk full');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
      rename: (a, b) => fs.rename(a, b),
      rm: (p, o) => fs.rm(p, o),
    };
    await expect(writeCassette(path, cassette(), { fs: failing })).rejects.toThrow('disk full');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('keeps concurrent writes of one cassette whole', async () => {
    const path = join(dir, 'race.json');
    const versions = Array.from({ length: 8 }, (_, i) =>
      cassette([buildInteraction({ body: { n: i, pad: 'x'.repeat(20_000) } })]),
    );
    await Promise.all(versions.map((c) => writeCassette(path, c)));
    const stored = await readCassette(path);
    expect(stored!.interactions).toHaveLength(1);
    expect(await fs.readdir(dir)).toEqual(['race.json']);
  });
});
