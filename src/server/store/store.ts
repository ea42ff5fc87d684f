// The storage seam: routes and services see a kysely instance over the same schema whichever engine
// runs underneath — PGlite (embedded, one process) or a PostgreSQL server.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pgliteDialect';
import type { Database } from './schema';

export type Engine = 'pglite' | 'postgres';

export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** True when a trivial query answers (the health probe). */
  ping(): Promise<boolean>;
  /** Runs `fn` on one database session; `exec` runs a multi-statement script and returns the last result's rows. */
  session<T>(fn: (exec: (script: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  /** A gzip tarball of the embedded database folder; undefined on PostgreSQL. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store: Store = {
    engine: 'postgres',
    db,
    ping: () => pingDb(db),
    session: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(async (script) => {
          const result = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(result) ? result[result.length - 1]?.rows : result.rows) ?? [];
        });
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
  await sql`select 1`.execute(db);
  return store;
}

/** An embedded database: in memory without a folder (tests), else in `dataDir`. */
export async function openPgliteStore(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Store> {
  const client = options.dataDir
    ? new PGlite(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {})
    : new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    engine: 'pglite',
    db,
    ping: () => pingDb(db),
    session: (fn) => db.connection().execute(() => fn(async (script) => (await client.exec(script)).at(-1)?.rows as Record<string, unknown>[] ?? [])),
    // Taken through kysely's connection so it waits for running transactions to finish.
    dumpDataDir: () => db.connection().execute(() => client.dumpDataDir('gzip')),
    close: () => db.destroy(),
  };
}

async function pingDb(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../migrations');

/** Applies every migrations/*.sql not yet applied, in name order, each in its own transaction. */
export async function migrate(store: Store, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return store.session(async (exec) => {
    // The advisory lock keeps two PostgreSQL servers starting at once from applying the same file.
    await exec('SELECT pg_advisory_lock(7405001)');
    try {
      await exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const done = new Set((await exec('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
      const applied: string[] = [];
      for (const name of files.filter((f) => !done.has(f))) {
        const script = fs.readFileSync(path.join(dir, name), 'utf8');
        try {
          await exec(`BEGIN;\n${script}\n;INSERT INTO schema_migrations (name) VALUES ('${name.replace(/'/g, "''")}');\nCOMMIT;`);
        } catch (err) {
          await exec('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${name} failed: ${(err as Error).message}`);
        }
        applied.push(name);
      }
      return applied;
    } finally {
      await exec('SELECT pg_advisory_unlock(7405001)');
    }
  });
}
