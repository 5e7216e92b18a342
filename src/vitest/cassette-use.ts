import { z } from 'zod';
import { CassetteModeSchema } from '../recorder/mode.ts';

/**
 * What one test's cassette did, carried from the worker to the reporter in vitest's task meta
 * (serialized with the test result), so workers, pools and shards never share a file or a port.
 */
export const CassetteUseSchema = z.object({
  /** The cassette file, relative to the project root. */
  path: z.string(),
  mode: CassetteModeSchema,
  replayed: z.number().int().nonnegative(),
  recorded: z.number().int().nonnegative(),
  /** Recorded interactions this run never used. */
  unused: z.number().int().nonnegative(),
  /** Requests with no recording (replay mode). */
  missing: z.number().int().nonnegative(),
  written: z.boolean(),
  /** The test failed, so what it recorded was thrown away and the file left as it was. */
  discarded: z.boolean(),
});
export type CassetteUse = z.infer<typeof CassetteUseSchema>;

/** The key under `task.meta`. */
export const TASK_META_KEY = 'llmCassette';

declare module 'vitest' {
  interface TaskMeta {
    llmCassette?: CassetteUse;
  }
}
