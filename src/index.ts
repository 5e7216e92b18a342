export type { Cassette, Interaction, SseEventRecord } from './cassette/format.ts';
export { CASSETTE_VERSION, CassetteSchema } from './cassette/format.ts';
export { LlmCassetteError } from './errors.ts';
export type { NormalizedUsage, ProviderApi } from './usage/normalized.ts';
export { NormalizedUsageSchema } from './usage/normalized.ts';
