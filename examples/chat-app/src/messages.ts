import type { MetadataRecord } from 'llm-cassette';
import type { Database } from './database.ts';

export type Role = 'user' | 'assistant' | 'tool';

export interface MessageRow {
  id: string;
  conversation_id: string;
  role: Role;
  content: string | null;
  route: string | null;
  metadata: MetadataRecord | null;
}

export interface NewMessage {
  conversationId: string;
  role: Role;
  content: string | null;
  route?: string;
  metadata?: MetadataRecord;
}

/** Stores one message; the metadata record goes into the JSONB column as it is. */
export async function storeMessage(db: Database, message: NewMessage): Promise<MessageRow> {
  const { rows } = await db.query<MessageRow>(
    `insert into messages (conversation_id, role, content, route, metadata)
     values ($1, $2, $3, $4, $5::jsonb)
     returning id, conversation_id, role, content, route, metadata`,
    [
      message.conversationId,
      message.role,
      message.content,
      message.route ?? null,
      message.metadata ? JSON.stringify(message.metadata) : null,
    ],
  );
  return rows[0]!;
}

export async function conversationMessages(
  db: Database,
  conversationId: string,
): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    `select id, conversation_id, role, content, route, metadata
     from messages where conversation_id = $1 order by id`,
    [conversationId],
  );
  return rows;
}

/** What a conversation cost, per route, summed in SQL straight from the JSONB column. */
export async function costByRoute(
  db: Database,
  conversationId: string,
): Promise<Array<{ route: string; calls: number; total_cost: string }>> {
  const { rows } = await db.query<{ route: string; calls: number; total_cost: string }>(
    `select route, count(*)::int as calls, sum((metadata->>'total_cost')::numeric)::text as total_cost
     from messages where conversation_id = $1 and metadata is not null
     group by route order by route`,
    [conversationId],
  );
  return rows;
}
