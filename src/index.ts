export type { Cassette, Interaction, SseEventRecord } from './cassette/format.ts';
export { CASSETTE_VERSION, CassetteSchema } from './cassette/format.ts';
export { LlmCassetteError } from './errors.ts';
export type { CostInput } from './pricing/cost.ts';
export { costOf } from './pricing/cost.ts';
export type { CostBreakdown, CostResult } from './pricing/cost-result.ts';
export { CostResultSchema } from './pricing/cost-result.ts';
export { NoPriceError, UnknownModelError } from './pricing/errors.ts';
export type { ModelInfo } from './pricing/model-info.ts';
export { getModelInfo } from './pricing/model-info.ts';
export type { ResolvedModel } from './pricing/resolve.ts';
export { resolveModel, suggestModels } from './pricing/resolve.ts';
export type { PriceTableIdentity } from './pricing/table.ts';
export { clearModelPrices, priceTableSource, registerModelPrices } from './pricing/table.ts';
export type { ModelEntry, PriceTableSource } from './pricing/table-schema.ts';
export type { CountTokensInput, TokenCount } from './tokens/count.ts';
export { CountTokensInputSchema, countTokens, TokenCountInputError } from './tokens/count.ts';
export type { TokenizerName } from './tokens/tokenizer-choice.ts';
export { tokenizerFor } from './tokens/tokenizer-choice.ts';
export {
  ContradictoryUsageError,
  InvalidUsageValueError,
  UnrecognizedUsageError,
} from './usage/errors.ts';
export type { UsageExtractor } from './usage/extractors.ts';
export { USAGE_EXTRACTORS } from './usage/extractors.ts';
export type { UsageHint } from './usage/normalize.ts';
export { normalizeUsage } from './usage/normalize.ts';
export type { NormalizedUsage, ProviderApi } from './usage/normalized.ts';
export { NormalizedUsageSchema } from './usage/normalized.ts';
export { reportedCostOf } from './usage/reported-cost.ts';
