// TEMPORARY stand-in until the cassette-core branch lands (atomic write, redaction, secrets).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Cassette, CassetteSchema } from './format.ts';

export async function readCassette(path: string): Promise<Cassette | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return CassetteSchema.parse(JSON.parse(text));
}

export async function writeCassette(
  path: string,
  cassette: Cassette,
  _options: { redaction?: unknown } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(cassette, null, 2)}\n`);
  await rename(tmp, path);
}
