/**
 * Hand-written checks for the hot-path guards of stream events, each accepting exactly what the
 * named zod type accepts (or less): a guard built from them narrows to the schema's inferred
 * type without the copy a zod parse makes, and anything it refuses goes to the schema.
 */

/** `z.object(…)` accepts any non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `z.string().nullish()` */
export function isNullishString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/** `z.number().nullish()`: `z.number()` refuses NaN and the infinities. */
export function isNullishNumber(value: unknown): boolean {
  return value === undefined || value === null || Number.isFinite(value);
}

/** `z.number().int()` is a safe integer. */
export function isInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/** `z.number().int().optional()` */
export function isOptionalInteger(value: unknown): boolean {
  return value === undefined || Number.isSafeInteger(value);
}
