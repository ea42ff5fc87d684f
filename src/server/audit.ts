// The append-only, hash-chained audit log. Each event's hash covers its fields and the previous
// event's hash, so editing, deleting or reordering any row breaks every link after it; verification
// reports the first broken one.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './store/schema';
import { latestCheckpoint } from './retention/checkpoints';

export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** The digest of a state: SHA-256 of its RFC 8785 canonical JSON. */
export function digest(state: unknown): string {
  const text = canonicalize(state);
  if (text === undefined) throw new TypeError('state cannot be canonicalised');
  return sha256(text);
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  stateDigest: string;
  prevHash: string;
}

export function eventHash(e: AuditEvent): string {
  return digest({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, entityType: e.entityType, entityId: e.entityId, stateDigest: e.stateDigest, prevHash: e.prevHash });
}

export interface PendingEvent { action: string; entityType: string; entityId: string; state: unknown }

/**
 * Appends events after the head, which the caller has locked (SELECT … FOR UPDATE) in `tx`.
 * Returns the new head.
 */
export async function appendEvents(
  tx: Transaction<Database>,
  head: { seq: number; hash: string },
  actor: string,
  at: Date,
  events: PendingEvent[],
): Promise<{ seq: number; hash: string }> {
  let { seq, hash } = head;
  const rows = events.map((p) => {
    const e: AuditEvent = { seq: seq + 1, at: at.toISOString(), actor, action: p.action, entityType: p.entityType, entityId: p.entityId, stateDigest: digest(p.state), prevHash: hash };
    seq = e.seq;
    hash = eventHash(e);
    return { seq: e.seq, at, actor, action: e.action, entity_type: e.entityType, entity_id: e.entityId, state_digest: e.stateDigest, prev_hash: e.prevHash, hash };
  });
  if (rows.length === 0) return head;
  await tx.insertInto('audit_log').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
  return { seq, hash };
}

export type VerifyResult =
  | { ok: true; events: number; head: string; checkpoint?: { seq: number; at: string } }
  | { ok: false; events: number; firstBroken: { seq: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' | 'missing-event' | 'head-mismatch' | 'checkpoint-mismatch'; message: string } };

/**
 * Walks the whole chain in order; reports the first broken link. After a retention purge it starts at
 * the latest checkpoint (the last purged event's seq and hash), and checks that the checkpoint is the
 * one the purge's own audit event recorded.
 */
export async function verifyChain(db: Kysely<Database>, pageSize = 5000): Promise<VerifyResult> {
  const checkpoint = await latestCheckpoint(db);
  let expectedSeq = checkpoint ? checkpoint.seq + 1 : 1;
  let prevHash = checkpoint ? checkpoint.hash : GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        return { ok: false, events: checked, firstBroken: { seq: expectedSeq, problem: 'missing-event', message: `event ${expectedSeq} is missing (next present: ${seq})` } };
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, events: checked, firstBroken: { seq, problem: 'prev-hash-mismatch', message: `event ${seq} does not link to event ${seq - 1}` } };
      }
      const recomputed = eventHash({ seq, at: r.at.toISOString(), actor: r.actor, action: r.action, entityType: r.entity_type, entityId: r.entity_id, stateDigest: r.state_digest, prevHash: r.prev_hash });
      if (recomputed !== r.hash) {
        return { ok: false, events: checked, firstBroken: { seq, problem: 'hash-mismatch', message: `event ${seq} (${r.action} ${r.entity_type} ${r.entity_id}) was altered: its content does not match its hash` } };
      }
      if (checkpoint && seq === checkpoint.purgeSeq && r.state_digest !== digest(checkpoint.state)) {
        return { ok: false, events: checked, firstBroken: { seq: checkpoint.seq, problem: 'checkpoint-mismatch', message: `the checkpoint at event ${checkpoint.seq} is not the one the purge (event ${seq}) recorded` } };
      }
      prevHash = r.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const last = expectedSeq - 1;
  if (!head || Number(head.seq) !== last || head.hash !== prevHash) {
    return { ok: false, events: checked, firstBroken: { seq: last + 1, problem: 'head-mismatch', message: `the chain head (event ${head ? Number(head.seq) : '?'}) does not match the last event in the log (${last}): events were removed from the end` } };
  }
  return { ok: true, events: checked, head: prevHash, ...(checkpoint ? { checkpoint: { seq: checkpoint.seq, at: checkpoint.at } } : {}) };
}
