/** One parsed server-sent event, or a comment line, in wire order. */
export type SseMessage =
  | { kind: 'event'; event?: string; id?: string; data: string }
  | { kind: 'retry'; retry: number }
  | { kind: 'comment'; comment: string };
