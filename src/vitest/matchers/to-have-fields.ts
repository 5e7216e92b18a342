import type { MatcherState } from 'vitest';
import { type FieldRow, renderFieldTable } from './field-table.ts';
import { sameFieldValue } from './field-value.ts';
import { asRecord, checkFields } from './metadata-fields.ts';
import type { MatchOutcome } from './outcome.ts';

/**
 * The shared body of `toHaveUsage` and `toHaveCost`: every expected field must equal the
 * record's; the failure lists each expected field with both values and marks the ones that differ.
 */
export function matchFields(
  state: MatcherState,
  matcher: string,
  what: string,
  received: unknown,
  expected: Record<string, unknown>,
  allowed: readonly string[],
): MatchOutcome {
  checkFields(matcher, expected, allowed);
  const { utils, isNot } = state;
  const hint = utils.matcherHint(`.${matcher}`, 'metadata', 'expected', { isNot });
  const record = asRecord(received);
  if (!record) {
    return {
      pass: false,
      message: () =>
        `${hint}\n\nThe received value is not a metadata record (an object): ${utils.printReceived(received)}`,
    };
  }
  const rows: FieldRow[] = Object.entries(expected).map(([field, value]) => ({
    field,
    expected: value,
    received: record[field],
    same: sameFieldValue(field, value, record[field]),
  }));
  const differing = rows.filter((r) => !r.same).length;
  const colors = {
    expected: utils.EXPECTED_COLOR,
    received: utils.RECEIVED_COLOR,
    dim: utils.DIM_COLOR,
  };
  return {
    pass: differing === 0,
    message: () =>
      isNot
        ? `${hint}\n\nExpected the ${what} not to be these values, and it is:\n${renderFieldTable(rows, colors)}`
        : `${hint}\n\nThe ${what} differs in ${differing} of ${rows.length} field${rows.length === 1 ? '' : 's'}:\n${renderFieldTable(rows, colors)}`,
  };
}
