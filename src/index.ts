export { canonicalJson } from './cassette/canonical-json.ts';
export {
  CassetteCorruptError,
  CassetteExpiredError,
  CassetteVersionError,
  NoMatchError,
  SecretInCassetteError,
  UnusedInteractionsError,
} from './cassette/errors.ts';
export type { Cassette, Interaction, SseEventRecord } from './cassette/format.ts';
export { CASSETTE_VERSION, CassetteSchema } from './cassette/format.ts';
export type { JsonDiffEntry } from './cassette/json-diff.ts';
export { diffJson, renderJsonDiff } from './cassette/json-diff.ts';
export { InvalidJsonPathError } from './cassette/json-path.ts';
export type { ClosestMatch, Matcher, MatchOptions, MatchResult } from './cassette/matching.ts';
export { createMatcher, matchOptionsForRedaction } from './cassette/matching.ts';
export type { RedactionRules } from './cassette/redaction.ts';
export { DEFAULT_REDACTION, REDACTED, redactInteraction } from './cassette/redaction.ts';
export type { SecretFinding, SecretKind } from './cassette/secrets.ts';
export { findSecrets } from './cassette/secrets.ts';
export type { CassetteFs, WriteCassetteOptions } from './cassette/store.ts';
export { readCassette, serializeCassette, writeCassette } from './cassette/store.ts';
export { ScenarioSchema } from './cli/scenario.ts';
export {
  CONFIG_FILE,
  InvalidConfigError,
  type LlmCassetteConfig,
  LlmCassetteConfigSchema,
  type LoadedConfig,
  loadConfig,
} from './config/config.ts';
export { DurationSchema, durationMs } from './config/duration.ts';
export { type CassetteExpiry, cassetteExpiry } from './config/expiry.ts';
export { LlmCassetteError } from './errors.ts';
export { InvalidMetadataError } from './metadata/build-record.ts';
export { UnrecognizedInputError } from './metadata/call.ts';
export { extractMetadata, UnrecognizedResponseError } from './metadata/extract.ts';
export { type HttpFacts, httpFactsOf } from './metadata/http-facts.ts';
export { metadataJsonSchema } from './metadata/json-schema.ts';
export { type AssembledMessage, AssembledMessageSchema } from './metadata/message.ts';
export {
  type MeteredStream,
  type MeterStreamOptions,
  meterStream,
} from './metadata/meter-stream.ts';
export {
  type CallerKeys,
  type Extraction,
  ExtractionSchema,
  type FinishReason,
  type MetadataRecord,
  MetadataRecordSchema,
} from './metadata/record.ts';
export { UnrecognizedStreamError } from './metadata/stream-assembler.ts';
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
export type {
  CassetteOptions,
  CassetteReport,
  CassetteSession,
  EjectOptions,
} from './recorder/cassette-session.ts';
export type { HostFilter } from './recorder/host-filter.ts';
export { type CassetteMode, InvalidModeError, MODE_ENV_VAR, resolveMode } from './recorder/mode.ts';
export type { Chunking, ReplayOptions } from './recorder/replay-options.ts';
export { upstreamAt } from './recorder/upstream.ts';
export { useCassette, withCassette } from './recorder/use-cassette.ts';
export {
  LAST_RUN_FILE,
  type LastRun,
  LastRunInvalidError,
  LastRunMissingError,
  LastRunSchema,
  readLastRun,
  writeLastRun,
} from './run-log/last-run.ts';
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
