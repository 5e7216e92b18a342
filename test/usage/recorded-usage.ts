import { readdirSync } from 'node:fs';
import { parseSseText } from '../../src/sse/parse.ts';
import { REAL_FIXTURES_DIR, readFixture } from '../support/fixtures.ts';

export interface RecordedUsage {
  case: string;
  provider: string;
  api: 'chat.completions' | 'responses' | 'messages';
  /** The usage object(s) as the recording holds them; Anthropic streams give start and delta. */
  usage: Record<string, unknown>;
  streamStart?: Record<string, unknown>;
  streamDelta?: Record<string, unknown>;
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

function jsonEvents(text: string): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const message of parseSseText(text)) {
    if (message.kind !== 'event' || message.data === '[DONE]') continue;
    const parsed = asRecord(JSON.parse(message.data));
    if (parsed) events.push(parsed);
  }
  return events;
}

/**
 * The usage object each real recording carries, found as a metadata reader would find it:
 * a JSON body's `usage`; a Chat Completions stream's last chunk with `usage`; a Responses stream's
 * `response.completed`; an Anthropic stream's `message_start` usage updated by its last
 * `message_delta` usage.
 */
export function recordedUsages(): RecordedUsage[] {
  const cases = readdirSync(REAL_FIXTURES_DIR)
    .filter((file) => file.endsWith('.meta.json'))
    .map((file) => file.slice(0, -'.meta.json'.length))
    .sort();
  const found: RecordedUsage[] = [];
  for (const name of cases) {
    const meta = JSON.parse(readFixture(`${name}.meta.json`)) as {
      provider: string;
      api: RecordedUsage['api'];
      stream: boolean;
    };
    const base = { case: name, provider: meta.provider, api: meta.api };
    if (!meta.stream) {
      const usage = asRecord(asRecord(JSON.parse(readFixture(`${name}.response.json`)))?.usage);
      if (usage) found.push({ ...base, usage });
      continue;
    }
    const events = jsonEvents(readFixture(`${name}.response.sse`));
    if (meta.api === 'messages') {
      const start = asRecord(
        asRecord(events.find((e) => e.type === 'message_start')?.message)?.usage,
      );
      const delta = asRecord(events.filter((e) => e.type === 'message_delta').at(-1)?.usage);
      if (start && delta) {
        found.push({
          ...base,
          usage: { ...start, ...delta },
          streamStart: start,
          streamDelta: delta,
        });
      }
    } else if (meta.api === 'responses') {
      const completed = events.find((e) => e.type === 'response.completed');
      const usage = asRecord(asRecord(completed?.response)?.usage);
      if (usage) found.push({ ...base, usage });
    } else {
      const usage = events.map((e) => asRecord(e.usage)).findLast((u) => u !== undefined);
      if (usage) found.push({ ...base, usage });
    }
  }
  return found;
}
