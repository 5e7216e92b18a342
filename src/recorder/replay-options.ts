/**
 * How a recorded stream is handed back.
 * - `'event'` (default): one chunk per recorded event, as fast as the reader takes them;
 * - `'byte'`: one byte per chunk;
 * - `{ seed }`: chunks cut at seeded random points, through JSON and multi-byte UTF-8 characters,
 *   to regression-test stream parsers (the same seed always cuts the same way).
 */
export type Chunking = 'event' | 'byte' | { seed: number; maxChunkBytes?: number };

export interface ReplayOptions {
  chunking?: Chunking;
  /**
   * Replay with the recorded timing, multiplied by `scale` (1 = as recorded, 0.5 = twice as fast).
   * Off by default: replay runs at full speed.
   */
  timing?: false | { scale?: number };
  /**
   * SDKs honour `retry-after` on 429 and 5xx responses and sleep before retrying. Replay answers
   * such responses with `retry-after-ms: 1` added so a recorded back-off costs a millisecond;
   * `'recorded'` keeps the recorded headers untouched.
   */
  retryDelays?: 'instant' | 'recorded';
}
