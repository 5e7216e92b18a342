/** The one place the vitest matchers reach the metadata module. */
export { extractMetadata } from '../metadata/extract.ts';
export { type MetadataRecord, MetadataRecordSchema } from '../metadata/record.ts';
