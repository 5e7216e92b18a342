import { test as cassetteTest } from 'llm-cassette/vitest';
import { createChatRoute } from '../src/chat-route.ts';
import { createClients } from '../src/clients.ts';
import { type Database, openDatabase } from '../src/database.ts';
import { conversationMessages, type MessageRow } from '../src/messages.ts';

// Made at module load, as an app does: `llm-cassette/vitest` is imported first, so they are intercepted.
const clients = createClients();

export interface ChatReply {
  route: string | null;
  text: string;
  /** The conversation's rows, as stored in the database. */
  rows: MessageRow[];
}

/**
 * llm-cassette's `test` (with its `cassette` fixture) extended with the app's own fixtures: a
 * database per test file (PGlite, or DATABASE_URL's Postgres) and `send`, which posts a message
 * to the chat route and reads the streamed answer to its end, as a browser would.
 */
export const test = cassetteTest.extend<{
  db: Database;
  send: (message: string) => Promise<ChatReply>;
}>({
  db: [
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from it
    async ({}, use) => {
      const db = await openDatabase();
      await use(db);
      await db.close();
    },
    { scope: 'file' },
  ],
  // Asks for `cassette`, so every test that talks to the app has its calls recorded or replayed.
  send: async ({ db, task, cassette }, use) => {
    void cassette;
    const chat = createChatRoute({ db, clients });
    const conversationId = `conversation-${task.id}`;
    await use(async (message) => {
      const response = await chat(
        new Request('http://localhost/chat', {
          method: 'POST',
          body: JSON.stringify({ conversationId, message }),
        }),
      );
      const text = await response.text();
      const rows = await conversationMessages(db, conversationId);
      return { route: response.headers.get('x-chat-route'), text, rows };
    });
  },
});
