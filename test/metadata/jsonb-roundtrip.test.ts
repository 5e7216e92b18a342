import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractMetadata, MetadataRecordSchema, metadataJsonSchema } from '../../src/index.ts';
import { REAL_CASES } from '../providers/real-cases.ts';

const SCHEMA_FILE = new URL('../../src/metadata/metadata.schema.json', import.meta.url);

describe('the JSON Schema', () => {
  it('in src/metadata/metadata.schema.json is the one generated from the zod schema', () => {
    // Regenerate with: npm run schema:write
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(metadataJsonSchema());
  });
});

describe('records round-trip through a Postgres JSONB column', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite();
    await db.exec('CREATE TABLE messages (id serial PRIMARY KEY, metadata jsonb NOT NULL)');
  });
  afterAll(async () => {
    await db.close();
  });

  it('every real recording: inserted, read back equal, valid against the JSON Schema', async () => {
    const validator = z.fromJSONSchema(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const records = REAL_CASES.map(
      (c) =>
        extractMetadata(
          { request: c.request, response: c.body, url: c.url, status: c.meta.status },
          { routing_path: 'reasoning', session_id: `session-${c.name}`, tags: ['a', 1, null] },
        ).metadata,
    );
    for (const record of records) {
      await db.query('INSERT INTO messages (metadata) VALUES ($1::jsonb)', [
        JSON.stringify(record),
      ]);
    }
    const rows = await db.query<{ metadata: unknown }>('SELECT metadata FROM messages ORDER BY id');
    expect(rows.rows.map((row) => row.metadata)).toEqual(records);
    for (const row of rows.rows) {
      expect(validator.safeParse(row.metadata).success).toBe(true);
      expect(MetadataRecordSchema.safeParse(row.metadata).success).toBe(true);
    }
  });

  it('the JSON Schema rejects a record with a wrong finish reason', () => {
    const validator = z.fromJSONSchema(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const c = REAL_CASES[0]!;
    const { metadata } = extractMetadata({
      request: c.request,
      response: c.body,
      url: c.url,
      status: c.meta.status,
    });
    expect(validator.safeParse({ ...metadata, finish_reason: 'done' }).success).toBe(false);
  });
});
