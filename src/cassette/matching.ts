// TEMPORARY stand-in until the cassette-core branch lands.
import type { Interaction, RecordedRequest } from './format.ts';

export type MatchOptions = Record<string, unknown>;

function key(r: RecordedRequest): string {
  return `${r.method} ${r.url} ${JSON.stringify(r.body ?? null)}`;
}

export function createMatcher(interactions: Interaction[], _options: MatchOptions = {}) {
  const byKey = new Map<string, number[]>();
  const used = new Set<number>();
  const all: Interaction[] = [];
  const add = (interaction: Interaction) => {
    all.push(interaction);
    const k = key(interaction.request);
    const list = byKey.get(k) ?? [];
    list.push(all.length - 1);
    byKey.set(k, list);
  };
  for (const i of interactions) add(i);
  return {
    find(request: RecordedRequest): { index: number; interaction: Interaction } | undefined {
      const list = byKey.get(key(request)) ?? [];
      const index = list.find((i) => !used.has(i));
      if (index === undefined) return undefined;
      used.add(index);
      return { index, interaction: all[index]! };
    },
    add,
    unused: () => all.map((_, i) => i).filter((i) => !used.has(i)),
  };
}
