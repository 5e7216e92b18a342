import { upstreamAt } from 'llm-cassette';
import { configureCassettes } from 'llm-cassette/vitest';

/**
 * Only for re-recording this example's cassettes in the llm-cassette repository, which has no
 * provider keys: `scripts/record-cassettes.ts` sets CHAT_APP_STAND_IN to a local server that
 * answers with real recorded provider responses. The SDKs still call the providers' URLs, so
 * the cassettes hold those. In your app, record against the provider itself and drop this file.
 */
const standIn = process.env.CHAT_APP_STAND_IN;
if (standIn) {
  configureCassettes({ upstream: upstreamAt(standIn) });
}
