import { PRICE_TABLE_JSON, PRICE_TABLE_SOURCE } from './data/litellm-prices.ts';
import {
  type CompactPriceTable,
  type ModelEntry,
  ModelEntrySchema,
  type PriceTableSource,
} from './table-schema.ts';

/** The identity of the prices a cost was computed with; stored with every cost. */
export interface PriceTableIdentity {
  id: string;
  source: PriceTableSource['source'];
  date: string;
  commit: string | null;
  sha256: string;
  /** True when the model's prices came from `registerModelPrices`, not the table alone. */
  overridden: boolean;
}

let compact: CompactPriceTable | undefined;
const decoded = new Map<string, ModelEntry>();
const overrides = new Map<string, Partial<ModelEntry>>();
let generation = 0;

function table(): CompactPriceTable {
  // Parsed on first use only: importing llm-cassette costs nothing until a price is needed.
  compact ??= JSON.parse(PRICE_TABLE_JSON) as CompactPriceTable;
  return compact;
}

/** Where the bundled table came from (LiteLLM's file, its date, commit and checksum). */
export function priceTableSource(): PriceTableSource {
  return PRICE_TABLE_SOURCE;
}

const identities = [false, true].map((overridden): PriceTableIdentity => {
  const { id, source, date, commit, sha256 } = PRICE_TABLE_SOURCE;
  return Object.freeze({
    id: overridden ? `${id}+overrides` : id,
    source,
    date,
    commit,
    sha256,
    overridden,
  });
});

/** The identity stored with a cost (frozen and shared: it is the same for every cost). */
export function priceTableIdentity(overridden: boolean): PriceTableIdentity {
  return identities[overridden ? 1 : 0]!;
}

/** True when the name is a key of the table or of the user's registered prices. */
export function hasModel(name: string): boolean {
  return overrides.has(name) || Object.hasOwn(table().models, name);
}

/** Every known model name (table and registered), for suggestions. */
export function modelNames(): string[] {
  const names = Object.keys(table().models);
  for (const name of overrides.keys()) if (!Object.hasOwn(table().models, name)) names.push(name);
  return names;
}

/** The entry for an exact key, with registered overrides merged over the table's prices. */
export function modelEntry(name: string): { entry: ModelEntry; overridden: boolean } | undefined {
  const base = tableEntry(name);
  const override = overrides.get(name);
  if (!override) return base ? { entry: base, overridden: false } : undefined;
  return {
    entry: { ...(base ?? { litellm_provider: 'custom' }), ...override } as ModelEntry,
    overridden: true,
  };
}

function tableEntry(name: string): ModelEntry | undefined {
  const cached = decoded.get(name);
  if (cached) return cached;
  const pairs = table().models[name];
  if (!pairs) return undefined;
  const entry: Record<string, unknown> = {};
  for (let i = 0; i < pairs.length; i += 2) entry[table().keys[pairs[i] as number]!] = pairs[i + 1];
  decoded.set(name, entry as ModelEntry);
  return entry as ModelEntry;
}

/**
 * Adds or overrides prices, like `litellm.register_model`: keys are model names (with or without a
 * provider prefix, as you will pass them to `costOf`), values any table fields, in US dollars per
 * token. Fields you leave out keep the table's values. Costs computed with registered prices say so
 * in `price_table.overridden`.
 */
export function registerModelPrices(entries: Record<string, Partial<ModelEntry>>): void {
  for (const [name, fields] of Object.entries(entries)) {
    const checked = ModelEntrySchema.partial().parse(fields);
    overrides.set(name, { ...overrides.get(name), ...checked });
  }
  generation++;
}

/** Drops every price registered with `registerModelPrices`. */
export function clearModelPrices(): void {
  overrides.clear();
  generation++;
}

/** Changes whenever registered prices change, so caches of resolved models know to drop. */
export function tableGeneration(): number {
  return generation;
}
