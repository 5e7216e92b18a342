/** Regenerates src/metadata/metadata.schema.json from the zod schema: `npm run schema:write`. */
import { writeFileSync } from 'node:fs';
import { metadataJsonSchema } from '../src/metadata/json-schema.ts';

writeFileSync(
  new URL('../src/metadata/metadata.schema.json', import.meta.url),
  `${JSON.stringify(metadataJsonSchema(), null, 2)}\n`,
);
