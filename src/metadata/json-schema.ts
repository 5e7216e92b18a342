import { z } from 'zod';
import { MetadataRecordSchema } from './record.ts';

/**
 * The metadata record as JSON Schema (draft 2020-12), generated from the zod schema so that the
 * two never drift: for a Postgres CHECK, an app's own validation, or `llm-cassette extract`'s
 * consumers. `metadata.schema.json` next to this file is this output; a test keeps it current.
 */
export function metadataJsonSchema(): Record<string, unknown> {
  return {
    title: 'llm-cassette metadata record',
    ...z.toJSONSchema(MetadataRecordSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}
