import { PGlite } from '@electric-sql/pglite';

/** The little of a Postgres client the app uses; PGlite and `pg`'s Pool both have it. */
export interface Database {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

const SCHEMA = `
  create table if not exists messages (
    id bigserial primary key,
    conversation_id text not null,
    role text not null check (role in ('user', 'assistant', 'tool')),
    content text,
    route text,
    -- The llm-cassette metadata record of the call that produced the message (assistant rows).
    metadata jsonb,
    created_at timestamptz not null default now()
  );
  create index if not exists messages_conversation on messages (conversation_id, id);
`;

/** `pg` is optional: only loaded when DATABASE_URL asks for a real Postgres. */
interface PgModule {
  Pool: new (options: {
    connectionString: string;
  }) => {
    query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
    end(): Promise<void>;
  };
}

async function connectPostgres(url: string): Promise<Database> {
  const name = 'pg';
  let pg: PgModule;
  try {
    const loaded = (await import(name)) as { default?: PgModule } & PgModule;
    pg = loaded.default ?? loaded;
  } catch (error) {
    throw new Error(
      'DATABASE_URL is set, so the app connects to Postgres through the `pg` package, which is ' +
        'not installed. Run `npm install pg`, or unset DATABASE_URL to use the embedded PGlite.',
      { cause: error },
    );
  }
  const pool = new pg.Pool({ connectionString: url });
  return { query: (sql, params) => pool.query(sql, params), close: () => pool.end() };
}

/**
 * The app's database: a real Postgres when DATABASE_URL is set, else PGlite (Postgres compiled to
 * WebAssembly, in memory or in `dataDir`), so the app and its tests run with no server at all.
 */
export async function openDatabase(
  options: { url?: string | undefined; dataDir?: string } = {},
): Promise<Database> {
  const url = 'url' in options ? options.url : process.env.DATABASE_URL;
  const db: Database = url ? await connectPostgres(url) : wrapPglite(new PGlite(options.dataDir));
  await db.query(
    SCHEMA.split(';')
      .filter((s) => s.trim())
      .join(';'),
  );
  return db;
}

function wrapPglite(pglite: PGlite): Database {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      // Several statements (the schema) go through exec; one statement with parameters through query.
      if (!params && sql.includes(';')) {
        await pglite.exec(sql);
        return { rows: [] as Row[] };
      }
      const result = await pglite.query<Row>(sql, params);
      return { rows: result.rows };
    },
    close: () => pglite.close(),
  };
}
