import { readFile } from 'node:fs/promises';
import type { Cassette } from '../cassette/format.ts';
import { parseCassette, writeCassette } from '../cassette/store.ts';
import { extractMetadata } from './extract.ts';

/** One difference between a stored record and today's extraction, at a key path. */
export interface RecordDifference {
  path: string;
  stored: unknown;
  current: unknown;
}

export interface InteractionCheck {
  index: number;
  url: string;
  status: 'same' | 'changed' | 'missing' | 'failed' | 'skipped';
  differences: RecordDifference[];
  /** Why extraction failed (`failed`) or why the interaction has no record (`skipped`). */
  error?: string;
}

export interface CassetteCheck {
  file: string;
  interactions: InteractionCheck[];
  /** Set when the file is not a readable cassette. */
  error?: string;
  updated: boolean;
}

/**
 * Re-extracts every interaction of a cassette and compares it with the record stored at
 * recording time. With `update`, stores today's records (and the file is rewritten only where
 * one changed).
 */
export async function verifyCassetteFile(
  file: string,
  options: { update?: boolean } = {},
): Promise<CassetteCheck> {
  let cassette: Cassette;
  try {
    cassette = parseCassette(await readFile(file, 'utf8'), file);
  } catch (error) {
    return {
      file,
      interactions: [],
      error: `not a readable cassette: ${messageOf(error)}`,
      updated: false,
    };
  }
  const interactions = cassette.interactions.map((interaction, index): InteractionCheck => {
    const url = interaction.request.url;
    let current: unknown;
    try {
      current = extractMetadata(interaction).metadata;
    } catch (error) {
      // Interactions that are no LLM call (another host, a binary body) have no record to keep.
      const status = interaction.metadata === undefined ? 'skipped' : 'failed';
      return { index, url, status, differences: [], error: messageOf(error) };
    }
    if (interaction.metadata === undefined) {
      if (options.update) interaction.metadata = toJson(current);
      return { index, url, status: 'missing', differences: [] };
    }
    const differences = diffValues(interaction.metadata, toJson(current));
    if (differences.length > 0 && options.update) interaction.metadata = toJson(current);
    return { index, url, status: differences.length > 0 ? 'changed' : 'same', differences };
  });
  const dirty = interactions.some(
    (check) => check.status === 'changed' || check.status === 'missing',
  );
  const updated = Boolean(options.update) && dirty;
  if (updated) await writeCassette(file, cassette);
  return { file, interactions, updated };
}

/** Whether a check leaves work to do (what `verify` exits 1 for, without `--update`). */
export function hasProblems(check: CassetteCheck, updated = check.updated): boolean {
  if (check.error) return true;
  return check.interactions.some(
    (i) =>
      i.status === 'failed' || (!updated && (i.status === 'changed' || i.status === 'missing')),
  );
}

/** Key-by-key differences of two JSON values (objects recursed, arrays and scalars compared). */
export function diffValues(stored: unknown, current: unknown, path = ''): RecordDifference[] {
  if (isPlainObject(stored) && isPlainObject(current)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(current)])].sort();
    return keys.flatMap((key) =>
      diffValues(stored[key], current[key], path ? `${path}.${key}` : key),
    );
  }
  return JSON.stringify(stored) === JSON.stringify(current)
    ? []
    : [{ path: path || '(record)', stored, current }];
}

/** A readable report: one line per interaction that differs, one per changed key. */
export function formatCheck(check: CassetteCheck): string {
  if (check.error) return `✗ ${check.file}: ${check.error}`;
  const lines: string[] = [];
  for (const interaction of check.interactions) {
    const where = `${check.file} #${interaction.index} (${interaction.url})`;
    switch (interaction.status) {
      case 'changed':
        lines.push(
          `${check.updated ? '↻' : '✗'} ${where}: the extraction differs from the stored record`,
        );
        for (const d of interaction.differences) {
          lines.push(`    ${d.path}: ${show(d.stored)} → ${show(d.current)}`);
        }
        break;
      case 'missing':
        lines.push(
          check.updated
            ? `↻ ${where}: record stored`
            : `✗ ${where}: no stored record (run with --update to store it)`,
        );
        break;
      case 'failed':
        lines.push(`✗ ${where}: extraction failed: ${interaction.error}`);
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function toJson(value: unknown): Cassette['interactions'][number]['metadata'] {
  return JSON.parse(JSON.stringify(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
