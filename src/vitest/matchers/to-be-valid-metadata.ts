import type { MatcherState } from 'vitest';
import { MetadataRecordSchema } from '../metadata.ts';
import { formatFieldValue } from './field-value.ts';
import type { MatchOutcome } from './outcome.ts';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * `expect(row.metadata).toBeValidMetadata()`: the record against the metadata schema; a failure
 * lists every violation with its field and the value found there, not only the first.
 */
export function toBeValidMetadata(this: MatcherState, received: unknown): MatchOutcome {
  const { utils, isNot } = this;
  const hint = utils.matcherHint('.toBeValidMetadata', 'metadata', '', { isNot });
  const parsed = MetadataRecordSchema.safeParse(received);
  if (parsed.success) {
    return {
      pass: true,
      message: () => `${hint}\n\nExpected an invalid metadata record, but it matches the schema.`,
    };
  }
  const lines = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(the record)';
    const found = issue.path.length === 0 ? received : valueAt(received, issue.path);
    const shown = formatFieldValue(String(issue.path.at(-1) ?? ''), found);
    return `  - ${field}: ${issue.message} ${utils.DIM_COLOR(`(found ${shown})`)}`;
  });
  return {
    pass: false,
    message: () =>
      `${hint}\n\nThe metadata record has ${lines.length} violation${lines.length === 1 ? '' : 's'} of the schema:\n${lines.join('\n')}`,
  };
}
