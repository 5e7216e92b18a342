import { LlmCassetteError } from '../errors.ts';

/** A token count in a usage object that is not a non-negative integer (negative, fractional, text). */
export class InvalidUsageValueError extends LlmCassetteError {
  readonly code = 'usage_invalid_value';

  constructor(
    /** Dotted path of the bad value, starting at the usage object (`usage.prompt_tokens`). */
    readonly path: string,
    readonly value: unknown,
  ) {
    super(
      `${path} is ${JSON.stringify(value) ?? String(value)}, but token counts must be non-negative integers. ` +
        'Pass the usage object exactly as the provider returned it.',
    );
  }
}

/** A usage object whose numbers contradict each other (cached tokens above the prompt, say). */
export class ContradictoryUsageError extends LlmCassetteError {
  readonly code = 'usage_contradiction';
}

/** A usage object that no extractor recognizes, or that lacks a field its extractor requires. */
export class UnrecognizedUsageError extends LlmCassetteError {
  readonly code = 'usage_unrecognized';
}
