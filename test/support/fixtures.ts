import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real provider recordings copied from public projects; see test/fixtures/real/README.md. */
export const REAL_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

export function readFixture(file: string): string {
  return readFileSync(REAL_FIXTURES_DIR + file, 'utf8');
}
