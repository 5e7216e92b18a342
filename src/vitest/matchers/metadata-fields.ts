import { LlmCassetteError } from '../../errors.ts';
import { MetadataRecordSchema } from '../metadata.ts';

const RECORD_FIELDS = Object.keys(MetadataRecordSchema.shape);

/** The token counts of the metadata record (`prompt_tokens`, `cached_tokens`...), from its schema. */
export const USAGE_FIELDS: readonly string[] = RECORD_FIELDS.filter((f) => f.endsWith('_tokens'));
/** The USD amounts of the metadata record (`prompt_cost`, `total_cost`...), from its schema. */
export const COST_FIELDS: readonly string[] = RECORD_FIELDS.filter((f) => f.endsWith('_cost'));

/** A matcher was given a field that the metadata record does not have in that group. */
export class UnknownMetadataFieldError extends LlmCassetteError {
  readonly code = 'unknown_metadata_field';
  constructor(matcher: string, fields: readonly string[], allowed: readonly string[]) {
    super(
      `${matcher} was given ${fields.map((f) => `"${f}"`).join(', ')}, which ${fields.length === 1 ? 'is not a field' : 'are not fields'} it checks. Use any of: ${allowed.join(', ')}.`,
    );
  }
}

/** Throws when `expected` names a field outside `allowed` (a typo would otherwise pass silently). */
export function checkFields(
  matcher: string,
  expected: Record<string, unknown>,
  allowed: readonly string[],
): void {
  const unknown = Object.keys(expected).filter((f) => !allowed.includes(f));
  if (unknown.length > 0) throw new UnknownMetadataFieldError(matcher, unknown, allowed);
}

/** The received value as a record, or undefined when it is not an object. */
export function asRecord(received: unknown): Record<string, unknown> | undefined {
  return received !== null && typeof received === 'object' && !Array.isArray(received)
    ? (received as Record<string, unknown>)
    : undefined;
}
