import { LlmCassetteError } from '../errors.ts';

/** A model name that resolves to no entry of the price table, with the nearest known names. */
export class UnknownModelError extends LlmCassetteError {
  readonly code = 'unknown_model';

  constructor(
    readonly model: string,
    readonly suggestions: readonly string[],
    provider?: string,
  ) {
    super(
      `Model "${model}"${provider ? ` (provider "${provider}")` : ''} is not in the price table. ` +
        (suggestions.length ? `Nearest known names: ${suggestions.join(', ')}. ` : '') +
        'Check the spelling, or add its prices with registerModelPrices({ "<name>": { ... } }).',
    );
  }
}

/** The model is known, but the table has no price for something the usage needs priced. */
export class NoPriceError extends LlmCassetteError {
  readonly code = 'no_price';

  constructor(
    readonly model: string,
    /** The price-table key that is missing (`input_cost_per_token`, ...). */
    readonly missing: string,
    detail: string,
  ) {
    super(
      `No price for ${detail} of "${model}": the table has no "${missing}". ` +
        `Add it with registerModelPrices({ "${model}": { ${missing}: <USD per unit> } }).`,
    );
  }
}
