import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { REAL_FIXTURES_DIR } from '../support/fixtures.ts';

/** One real recording of test/fixtures/real (see its README.md). */
export interface RealCase {
  name: string;
  meta: {
    provider: string;
    api: 'chat.completions' | 'responses' | 'messages';
    stream: boolean;
    status: number;
    url?: string;
    url_path?: string | null;
    kinds: string[];
  };
  /** The response body as recorded: JSON text or SSE text. */
  body: string;
  request: unknown;
  /** The URL to pass: the recorded URL, else the provider's standard path, where known. */
  url: string | undefined;
}

function read(file: string): string {
  return readFileSync(REAL_FIXTURES_DIR + file, 'utf8');
}

export const REAL_CASES: readonly RealCase[] = readdirSync(REAL_FIXTURES_DIR)
  .filter((file) => file.endsWith('.meta.json'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.meta.json'.length);
    const meta = JSON.parse(read(file)) as RealCase['meta'];
    const json = `${name}.response.json`;
    const body = existsSync(REAL_FIXTURES_DIR + json) ? read(json) : read(`${name}.response.sse`);
    const requestFile = `${name}.request.json`;
    const request = existsSync(REAL_FIXTURES_DIR + requestFile)
      ? JSON.parse(read(requestFile))
      : undefined;
    return { name, meta, body, request, url: meta.url ?? meta.url_path ?? undefined };
  });

export function realCase(name: string): RealCase {
  const found = REAL_CASES.find((c) => c.name === name);
  if (!found) throw new Error(`no real recording named ${name}`);
  return found;
}
