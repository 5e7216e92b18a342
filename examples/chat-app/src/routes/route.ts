import type { AssembledMessage, MetadataRecord } from 'llm-cassette';
import type { Clients } from '../clients.ts';

/** A message of the conversation so far, as the routes send it to a model. */
export interface HistoryMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One LLM call a route made, with what llm-cassette extracted from it. */
export interface LlmCall {
  message: AssembledMessage;
  metadata: MetadataRecord;
}

/**
 * A route streams the answer's text as it arrives and returns, at the end, every LLM call it
 * made (an orchestration makes several), so the chat route can store each with its metadata.
 */
export type Route = (
  history: HistoryMessage[],
  clients: Clients,
) => AsyncGenerator<string, LlmCall[]>;
