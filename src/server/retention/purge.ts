// Retention (the municipality's document plan): records older than the configured period are purged
// by a scheduled job. In one transaction it deletes
//   - assessments whose meeting (last occurrence) and last change are both before the cut-off, with
//     their revisions, decisions, checklist confirmations and identity checks;
//   - closed incidents (avslutad) closed before the cut-off — open ones stay until they are handled;
//   - the second line of control's findings for meetings before the cut-off, and sent notices
//     (findings, review reminders) queued before it;
//   - the audit events before the cut-off (a prefix of the chain), leaving a checkpoint (the last
//     purged event's seq and hash) from which verification continues.
// The purge is itself an audit event whose digest covers the checkpoint, so verification still says
// "ok" afterwards and a forged checkpoint would not.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { stockholmDate } from '../../policy';
import type { Clock } from '../deps';
import { SYSTEM_ACTOR } from '../services/policy';
import { write } from '../services/write';
import type { Database } from '../store/schema';
import { accountabilityTx } from '../reports/schema';

export interface PurgeResult {
  purgeId: string;
  cutoff: string;
  retentionDays: number;
  assessments: number;
  incidents: number;
  findings: number;
  auditEvents: number;
  checkpoint: { seq: number; hash: string } | null;
}

const DAY_MS = 86_400_000;

export async function purgeExpiredRecords(db: Kysely<Database>, clock: Clock, retentionDays: number): Promise<PurgeResult> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new RangeError('retentionDays must be a whole number of days ≥ 1');
  return write(db, clock, SYSTEM_ACTOR, async (ctx) => {
    const tx = accountabilityTx(ctx.tx);
    const cutoff = new Date(ctx.now.getTime() - retentionDays * DAY_MS);
    const cutoffDate = stockholmDate(cutoff);

    const expired = tx.selectFrom('assessments').select('id').where('last_date', '<', cutoffDate).where('updated_at', '<', cutoff);
    // Every table that refers to an assessment (revisions, decisions, records, and other issues' tables
    // such as the outbox) loses those rows first; references declared ON DELETE SET NULL (incidents) stay.
    const referring = await sql<{ tbl: string; col: string }>`
      SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.confrelid = 'assessments'::regclass AND c.confdeltype <> 'n'
       ORDER BY 1`.execute(ctx.tx);
    for (const r of referring.rows) {
      await sql`DELETE FROM ${sql.table(r.tbl)} WHERE ${sql.ref(r.col)} IN (${expired})`.execute(ctx.tx);
    }
    const assessments = await tx.deleteFrom('assessments').where('last_date', '<', cutoffDate).where('updated_at', '<', cutoff).executeTakeFirst();
    const incidents = await tx.deleteFrom('incidents').where('status', '=', 'avslutad').where('closed_at', '<', cutoff).executeTakeFirst();
    const findings = await tx.deleteFrom('sweep_findings').where('start_at', '<', cutoff).executeTakeFirst();
    // Sent notices not about one assessment (sweep findings, review reminders) go with the records they told about.
    await sql`DELETE FROM outbox WHERE assessment_id IS NULL AND status <> 'pending' AND created_at < ${cutoff}`.execute(ctx.tx);
    await sql`DELETE FROM review_reminder_notices WHERE sent_at < ${cutoff}`.execute(ctx.tx);

    // The chain's prefix before the cut-off: every event up to the first one at or after it.
    const head = await tx.selectFrom('audit_head').select(['seq']).where('id', '=', 1).executeTakeFirstOrThrow();
    const firstKept = await tx.selectFrom('audit_log').select((eb) => eb.fn.min('seq').as('seq')).where('at', '>=', cutoff).executeTakeFirst();
    const lastPurged = firstKept?.seq != null ? Number(firstKept.seq) - 1 : Number(head.seq);
    const previous = await tx.selectFrom('audit_checkpoints').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    const previousSeq = previous?.seq != null ? Number(previous.seq) : 0;

    const purgeId = randomUUID();
    let checkpoint: PurgeResult['checkpoint'] = null;
    let auditEvents = 0;
    const state = (cp: PurgeResult['checkpoint'], events: number) => ({
      purgeId, cutoff: cutoff.toISOString(), retentionDays,
      assessments: Number(assessments.numDeletedRows), incidents: Number(incidents.numDeletedRows), findings: Number(findings.numDeletedRows),
      auditEvents: events, checkpoint: cp,
    });
    if (lastPurged > previousSeq) {
      const last = await tx.selectFrom('audit_log').select(['seq', 'hash', 'at']).where('seq', '=', lastPurged).executeTakeFirstOrThrow();
      checkpoint = { seq: lastPurged, hash: last.hash };
      const purged = await tx.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('seq', '<=', lastPurged).executeTakeFirstOrThrow();
      auditEvents = Number(purged.n);
      // The checkpoint goes in first: the trigger lets only events a checkpoint covers be deleted.
      await tx.insertInto('audit_checkpoints').values({
        seq: lastPurged, hash: last.hash, at: last.at, created_at: ctx.now, purge_seq: Number(head.seq) + 1, state: JSON.stringify(state(checkpoint, auditEvents)),
      }).execute();
      await tx.deleteFrom('audit_log').where('seq', '<=', lastPurged).execute();
    }
    const result = state(checkpoint, auditEvents);
    // The first event this transaction records gets seq head + 1: the checkpoint's purge_seq.
    ctx.record('retention.purge', 'retention', purgeId, result);
    return result;
  });
}
