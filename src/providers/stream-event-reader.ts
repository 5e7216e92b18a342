/** A discriminated union of stream events keyed by `type`, as the adapters' zod schemas are. */
interface TypedEventSchema<E> {
  readonly options: readonly { readonly shape: { readonly type: { readonly value: unknown } } }[];
  safeParse(payload: unknown): { success: true; data: E } | { success: false };
}

/**
 * Reads one stream event for a reducer: the hot event (a text delta, checked by hand and used as
 * it is) without zod; an event of a type the schema names through the schema; anything else
 * (`ping`, `*.done`, a type added by the provider later) as `undefined`, skipped before parsing.
 */
export function streamEventReader<E, Hot extends E>(
  schema: TypedEventSchema<E>,
  isHot: (payload: unknown) => payload is Hot,
): (payload: unknown) => E | undefined {
  const types: ReadonlySet<unknown> = new Set(schema.options.map((o) => o.shape.type.value));
  return (payload) => {
    if (isHot(payload)) return payload;
    if (typeof payload !== 'object' || payload === null) return undefined;
    if (!types.has((payload as { type?: unknown }).type)) return undefined;
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : undefined;
  };
}
