import type { Cassette } from '../cassette/format.ts';
import type { LlmCassetteConfig } from './config.ts';
import { durationMs } from './duration.ts';

/** How old a cassette is, and whether the project's `expiresIn` says it is due for re-recording. */
export interface CassetteExpiry {
  /** The oldest `recorded_at` of its interactions (undefined for an empty cassette). */
  recorded_at: string | undefined;
  age_ms: number | undefined;
  /** When it expires, if the config sets `expiresIn`. */
  expires_at: string | undefined;
  expired: boolean;
  /** What the config says to do about it. */
  on_expired: LlmCassetteConfig['onExpired'];
}

/** A cassette is as old as its oldest recording: that is the traffic that may have gone stale. */
export function cassetteExpiry(
  cassette: Pick<Cassette, 'interactions'>,
  config: Pick<LlmCassetteConfig, 'expiresIn' | 'onExpired'>,
  now: Date = new Date(),
): CassetteExpiry {
  let oldest: number | undefined;
  for (const interaction of cassette.interactions) {
    const at = Date.parse(interaction.recorded_at);
    if (!Number.isNaN(at) && (oldest === undefined || at < oldest)) oldest = at;
  }
  const ttl = config.expiresIn === undefined ? undefined : durationMs(config.expiresIn);
  const expiresAt = oldest !== undefined && ttl !== undefined ? oldest + ttl : undefined;
  return {
    recorded_at: oldest === undefined ? undefined : new Date(oldest).toISOString(),
    age_ms: oldest === undefined ? undefined : Math.max(0, now.getTime() - oldest),
    expires_at: expiresAt === undefined ? undefined : new Date(expiresAt).toISOString(),
    expired: expiresAt !== undefined && now.getTime() >= expiresAt,
    on_expired: config.onExpired ?? 'warn',
  };
}
