/**
 * - `passthrough`: the message goes to a small fast model as it is, streamed back.
 * - `reasoning`: a model that thinks first (Anthropic extended thinking), for questions that need it.
 * - `orchestration`: a model that calls the app's tools, then answers from their results.
 */
export type RouteName = 'passthrough' | 'reasoning' | 'orchestration';

/**
 * Picks the route of a message. A real app might ask a classifier model; the rules here keep
 * the example readable: an explicit `/think` or a how/why question reasons, a question about
 * the user's own data (their country, account...) orchestrates tools, the rest passes through.
 */
export function chooseRoute(message: string): RouteName {
  const text = message.trim().toLowerCase();
  if (text.startsWith('/think') || /^(how|why)\b/.test(text)) return 'reasoning';
  if (/\b(my|the user'?s?)\b.*\b(country|account|order|city)\b/.test(text)) return 'orchestration';
  return 'passthrough';
}
