import { Decimal } from 'decimal.js';

/** `prompt_cost`, `total_cost`, `reported_cost`...: USD amounts, printed and compared as decimals. */
export const isCostField = (field: string): boolean => field.endsWith('_cost');

/**
 * A field's value as a failure message prints it: costs as plain decimals (`0.00000735`, never
 * `7.35e-6`), so they read like the price table and the expectation in the test.
 */
export function formatFieldValue(field: string, value: unknown): string {
  if (value === undefined) return '(absent)';
  if (isCostField(field) && (typeof value === 'number' || typeof value === 'string')) {
    try {
      return new Decimal(value).toFixed();
    } catch {
      return JSON.stringify(value);
    }
  }
  if (typeof value === 'number')
    return Number.isFinite(value) ? new Decimal(value).toFixed() : String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Equality of one field: costs by decimal value (`'0.00000735'` equals `7.35e-6`), else exact. */
export function sameFieldValue(field: string, expected: unknown, received: unknown): boolean {
  if (isCostField(field) && expected !== null && received !== null) {
    try {
      return new Decimal(expected as Decimal.Value).eq(new Decimal(received as Decimal.Value));
    } catch {
      return false;
    }
  }
  if (typeof expected === 'object' || typeof received === 'object') {
    return JSON.stringify(expected) === JSON.stringify(received);
  }
  return Object.is(expected, received);
}
