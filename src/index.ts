export type { Cassette, Interaction, SseEventRecord } from './cassette/format.ts';
export { CASSETTE_VERSION, CassetteSchema } from './cassette/format.ts';
export { LlmCassetteError } from './errors.ts';
export { InvalidMetadataError } from './metadata/build-record.ts';
export { UnrecognizedInputError } from './metadata/call.ts';
export { extractMetadata, UnrecognizedResponseError } from './metadata/extract.ts';
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
export type {
  CassetteOptions,
  CassetteReport,
  CassetteSession,
} from './recorder/cassette-session.ts';
export type { HostFilter } from './recorder/host-filter.ts';
export { type CassetteMode, InvalidModeError, MODE_ENV_VAR, resolveMode } from './recorder/mode.ts';
export type { Chunking, ReplayOptions } from './recorder/replay-options.ts';
export { useCassette, withCassette } from './recorder/use-cassette.ts';
export type { NormalizedUsage, ProviderApi } from './usage/normalized.ts';
export { NormalizedUsageSchema } from './usage/normalized.ts';
