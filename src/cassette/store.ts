import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { CassetteCorruptError, CassetteVersionError, SecretInCassetteError } from './errors.ts';
import { CASSETTE_VERSION, type Cassette, type CassetteInput, CassetteSchema } from './format.ts';
import { formatJsonPath, type JsonPathSegment } from './json-path.ts';
import { locateJsonSyntaxError } from './json-syntax.ts';
import { type RedactionRules, redactInteraction } from './redaction.ts';
import { findSecrets } from './secrets.ts';

/**
 * Reads and validates a cassette file. Returns undefined when the file does not exist (nothing
 * recorded yet); throws `CassetteCorruptError` (with line:column or JSON paths) or
 * `CassetteVersionError` otherwise.
 */
export async function readCassette(path: string): Promise<Cassette | undefined> {
  let text: string;
  try {
    text = await nodeFs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseCassette(text, path);
}

/** Parses the text of a cassette file; `path` is only used to name the file in errors. */
export function parseCassette(text: string, path: string): Cassette {
  // Editors on Windows may add a byte order mark; it is not part of the JSON.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    const problem = locateJsonSyntaxError(source);
    const place = problem ? `line ${problem.line}, column ${problem.column}` : '';
    const message = problem ? `JSON syntax error: ${problem.message}` : String(error);
    throw new CassetteCorruptError(path, [{ place, message }], { cause: error });
  }
  // The version is checked first: a future format fails as "upgrade", not as a list of fields.
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'version' in raw) {
    if (raw.version !== CASSETTE_VERSION && typeof raw.version === 'number') {
      throw new CassetteVersionError(path, raw.version, CASSETTE_VERSION);
    }
  }
  const parsed = CassetteSchema.safeParse(raw);
  if (!parsed.success) throw new CassetteCorruptError(path, schemaProblems(parsed.error));
  return parsed.data;
}

function schemaProblems(error: z.ZodError) {
  return error.issues.map((issue) => ({
    place: formatJsonPath(issue.path.filter((s): s is JsonPathSegment => typeof s !== 'symbol')),
    message: issue.message,
  }));
}

/** The file operations an atomic write needs; injectable so tests can simulate a crash. */
export interface CassetteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(
    path: string,
    flags: 'wx',
  ): Promise<{
    writeFile(data: string, encoding: 'utf8'): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface WriteCassetteOptions {
  /** The user's redaction rules; the defaults apply whatever they say. */
  redaction?: RedactionRules;
  /** File operations, for tests; node:fs/promises by default. */
  fs?: CassetteFs;
}

/**
 * Writes a cassette so that a reader sees the old file or the new one, never a half file:
 * redact (always), refuse if anything still looks like a key, serialize, write a temporary file
 * next to the target, fsync it, rename it over the target. On failure the temporary file is
 * removed and the previous cassette is left as it was. Returns what was written.
 */
export async function writeCassette(
  path: string,
  cassette: CassetteInput,
  options: WriteCassetteOptions = {},
): Promise<Cassette> {
  const valid = CassetteSchema.safeParse(cassette);
  if (!valid.success) {
    throw new CassetteCorruptError(path, schemaProblems(valid.error), { writing: true });
  }
  const redacted: Cassette = {
    ...valid.data,
    interactions: valid.data.interactions.map((i) => redactInteraction(i, options.redaction)),
  };
  const secrets = findSecrets(redacted);
  if (secrets.length > 0) throw new SecretInCassetteError(path, secrets);
  await writeFileAtomically(path, serializeCassette(redacted), options.fs ?? nodeFs);
  return redacted;
}

async function writeFileAtomically(path: string, text: string, fs: CassetteFs): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true });
  // Same directory, so the rename cannot cross file systems; unique, so concurrent writers of
  // one cassette never share a temporary file (the last rename wins, whole).
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * The cassette file's text: 2-space indent and a trailing newline; our own objects in schema
 * order, header names sorted, bodies and metadata in their own order. Same cassette, same bytes,
 * so re-recording unchanged traffic gives a reviewable, minimal diff.
 */
export function serializeCassette(cassette: Cassette): string {
  return `${JSON.stringify(orderBySchema(cassette, CassetteSchema), null, 2)}\n`;
}

/**
 * Rebuilds `value` with the key order its schema declares. Only our own structure is walked
 * (objects, arrays, records, optional/default wrappers); JSON bodies are opaque leaves.
 */
function orderBySchema(value: unknown, schema: z.ZodType): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) {
    return orderBySchema(value, schema.unwrap() as z.ZodType);
  }
  if (value === null || typeof value !== 'object') return value;
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.map((item) => orderBySchema(item, schema.element as z.ZodType));
  }
  if (schema instanceof z.ZodRecord && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      out[key] = orderBySchema(record[key], schema._zod.def.valueType as z.ZodType);
    }
    return out;
  }
  if (schema instanceof z.ZodObject && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const shape = schema.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      if (record[key] !== undefined) out[key] = orderBySchema(record[key], shape[key]!);
    }
    for (const key of Object.keys(record)) {
      if (!(key in shape) && record[key] !== undefined) out[key] = record[key];
    }
    return out;
  }
  return value;
}
