/**
 * Every error llm-cassette throws extends this class and carries a `code` that names the failure,
 * so callers can branch on `error.code` instead of matching message text. Each module defines its
 * own subclasses next to the code that throws them.
 */
export abstract class LlmCassetteError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
