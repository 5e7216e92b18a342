import { Decimal } from 'decimal.js';

/**
 * The decimal type all prices are computed in. 50 significant digits hold any product of a table
 * price (at most ~17 digits) and a token count exactly, so nothing is rounded before the single
 * conversion to a JS number at the end.
 */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof Dec>;
