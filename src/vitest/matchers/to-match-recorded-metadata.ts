import type { MatcherState } from 'vitest';
import type { Interaction } from '../../cassette/format.ts';
import { extractMetadata } from '../metadata.ts';
import { type FieldRow, renderFieldTable } from './field-table.ts';
import { sameFieldValue } from './field-value.ts';
import { asRecord } from './metadata-fields.ts';
import type { MatchOutcome } from './outcome.ts';

/** What the matcher needs of a cassette: the `cassette` fixture (a `CassetteSession`) has it. */
export interface RecordedCassette {
  readonly path: string;
  readonly interactions: readonly Interaction[];
}

export interface RecordedMetadataOptions {
  /** More fields to leave out of the comparison. */
  ignore?: readonly string[];
}

/**
 * Fields that differ between the live call and the recording by nature: timings measured by the
 * app (a replay is faster than the provider was) and, for APIs without a timestamp, the clock.
 */
export const VOLATILE_FIELDS: readonly string[] = [
  'latency_ms',
  'time_to_first_token_ms',
  'created_at',
];

interface Candidate {
  index: number;
  rows: FieldRow[];
  differing: number;
}

function compare(
  record: Record<string, unknown>,
  recorded: Record<string, unknown>,
  ignore: ReadonlySet<string>,
): Omit<Candidate, 'index'> {
  // The recording's fields only: keys the app adds itself (`routing_path`...) are its own.
  const rows = Object.entries(recorded)
    .filter(([field, value]) => value !== undefined && !ignore.has(field))
    .map(([field, value]) => ({
      field,
      expected: value,
      received: record[field],
      same: sameFieldValue(field, value, record[field]),
    }));
  return { rows, differing: rows.filter((r) => !r.same).length };
}

/**
 * `expect(row.metadata).toMatchRecordedMetadata(cassette)`: the record the app stored equals the
 * one extracted again from the cassette's recorded interactions (the interaction with the same
 * `completion_id`, else the closest one), timings aside. The failure shows the differing fields.
 */
export function toMatchRecordedMetadata(
  this: MatcherState,
  received: unknown,
  cassette: RecordedCassette,
  options: RecordedMetadataOptions = {},
): MatchOutcome {
  const { utils, isNot } = this;
  const hint = utils.matcherHint('.toMatchRecordedMetadata', 'metadata', 'cassette', { isNot });
  const fail = (text: string): MatchOutcome => ({
    pass: false,
    message: () => `${hint}\n\n${text}`,
  });
  const record = asRecord(received);
  if (!record) {
    return fail(
      `The received value is not a metadata record (an object): ${utils.printReceived(received)}`,
    );
  }
  const interactions = cassette?.interactions;
  if (!Array.isArray(interactions)) {
    return fail('The expected value is not a cassette: pass the `cassette` fixture of the test.');
  }
  if (interactions.length === 0) {
    return fail(
      `${cassette.path} holds no recorded interaction yet: make the call before comparing (a recording still streaming is added when its body ends).`,
    );
  }
  const ignore = new Set([...VOLATILE_FIELDS, ...(options.ignore ?? [])]);
  const candidates: Candidate[] = interactions.map((interaction, index) => {
    const recorded = extractMetadata(interaction).metadata as Record<string, unknown>;
    return { index, ...compare(record, recorded, ignore) };
  });
  const id = record.completion_id;
  const sameId = candidates.find(
    (c) => id != null && c.rows.some((r) => r.field === 'completion_id' && r.same),
  );
  const best =
    sameId ?? candidates.reduce((a, b) => (b.differing < a.differing ? b : a), candidates[0]!);
  const colors = {
    expected: utils.EXPECTED_COLOR,
    received: utils.RECEIVED_COLOR,
    dim: utils.DIM_COLOR,
  };
  const headings = { expected: 'recorded', received: 'received' };
  const where = `${cassette.path}, interaction #${best.index}`;
  if (best.differing === 0) {
    return {
      pass: true,
      message: () =>
        `${hint}\n\nExpected the record to differ from the recording (${where}), and all ${best.rows.length} fields match.`,
    };
  }
  const differing = best.rows.filter((r) => !r.same);
  const matching = best.rows.length - differing.length;
  return fail(
    `The record differs from what ${where} records in ${differing.length} field${differing.length === 1 ? '' : 's'} (${matching} match; ${[...ignore].join(', ')} not compared):\n${renderFieldTable(differing, colors, headings)}`,
  );
}
