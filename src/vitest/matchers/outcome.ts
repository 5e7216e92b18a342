/** What a synchronous vitest matcher returns (vitest does not export its own name for it). */
export interface MatchOutcome {
  pass: boolean;
  message: () => string;
}
