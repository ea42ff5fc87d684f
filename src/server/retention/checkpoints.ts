// Audit-chain checkpoints left by the retention purge (migration 003). Verification starts after the
// latest one: its seq and hash stand in for the purged events before it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { accountabilityDb } from '../reports/schema';

export interface Checkpoint { seq: number; hash: string; at: string; purgeSeq: number; state: unknown }

/** The latest checkpoint, or null when nothing was ever purged (or the table does not exist yet). */
export async function latestCheckpoint(db: Kysely<Database>): Promise<Checkpoint | null> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('audit_checkpoints')::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const row = await accountabilityDb(db).selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash, at: row.at.toISOString(), purgeSeq: Number(row.purge_seq), state: row.state } : null;
}
