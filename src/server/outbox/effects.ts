// What each outbox row does. Handlers re-read the database: a row whose assessment has moved on (a
// newer revision or decision) is superseded rather than acted on with stale data.
import { sql, type Kysely } from 'kysely';
import type { Assessment } from '../../api/contract';
import type { Principal } from '../auth/tokens';
import type { Clock } from '../deps';
import type { GraphDirectory } from '../graph/directory';
import type { AssessmentService } from '../services/assessments';
import type { Database } from '../store/schema';
import { withIntegrationTables } from '../bot/conversations';
import type { ProactiveSender } from '../bot/sender';
import { langOf, type CardViews } from '../bot/views';
import { NotFoundYet, forAssessment, type OutboxHandler, type OutboxKind } from './outbox';

/** The open extension on the organizer's event: assessment id, revision, status, decision time. */
export function eventExtensionHandler(rawDb: Kysely<Database>, directory: Pick<GraphDirectory, 'writeEventExtension'>, clock: Clock): OutboxHandler {
  const db = withIntegrationTables(rawDb);
  return forAssessment(async (row) => {
    const a = await db.selectFrom('assessments').select(['organizer', 'event_id']).where('id', '=', row.assessment_id).executeTakeFirstOrThrow();
    const decisions = await db.selectFrom('decisions').select(['revision', 'outcome', 'decided_at']).where('assessment_id', '=', row.assessment_id).orderBy('revision', 'desc').execute();
    const latest = decisions[0];
    const mine = decisions.find((d) => d.revision === row.revision);
    // A later decision has its own row and will write the extension: never overwrite it with an older one.
    if (!mine || !latest || latest.revision !== row.revision) return 'superseded';
    // The event id comes from the Outlook pane once the item is saved; until then, as if not found.
    if (!a.event_id) throw new NotFoundYet('the assessment has no event id yet');
    const exists = await db.selectFrom('event_extensions').select('event_id').where('organizer', '=', a.organizer).where('event_id', '=', a.event_id).executeTakeFirst();
    await directory.writeEventExtension(a.organizer, a.event_id, {
      assessmentId: row.assessment_id, revision: row.revision, status: mine.outcome as 'approved' | 'rejected', decidedAt: mine.decided_at.toISOString(),
    }, exists !== undefined);
    if (!exists) {
      await db.insertInto('event_extensions').values({ organizer: a.organizer, event_id: a.event_id, created_at: clock.now() }).onConflict((oc) => oc.doNothing()).execute();
    }
    return 'done';
  });
}

export interface MessageEffectsOptions {
  assessments: Pick<AssessmentService, 'get'>;
  views: CardViews;
  sender: Pick<ProactiveSender, 'recipient' | 'sendCard'>;
  defaultLang: 'sv' | 'en';
  tenantId: string;
}

/** Cards and notices in Teams, each read as the person it is for (reads by others are audit-logged). */
export function messageHandlers(o: MessageEffectsOptions): Partial<Record<OutboxKind, OutboxHandler>> {
  const asUser = (oid: string, role: 'Manager' | 'Caseworker'): Principal => ({ oid, tid: o.tenantId, roles: [role] });
  const current = (a: Assessment, row: { revision: number }, status: Assessment['status']) => a.revision === row.revision && a.status === status;

  const toApprover = (reminder: boolean): OutboxHandler => forAssessment(async (row) => {
    const a = await o.assessments.get(asUser(row.recipient, 'Manager'), row.assessment_id);
    if (!current(a, row, 'awaiting-approval')) return 'superseded';
    const to = await o.sender.recipient(row.recipient);
    const lang = langOf(to.locale, o.defaultLang);
    await o.sender.sendCard(to.conversationId, await o.views.approval(a, lang, { approverUserIds: [to.teamsUserId], viewerIsApprover: false, reminder }));
    return 'done';
  });

  return {
    'approval-card': toApprover(false),
    reminder: toApprover(true),
    'outcome-notice': forAssessment(async (row) => {
      const a = await o.assessments.get(asUser(row.recipient, 'Caseworker'), row.assessment_id);
      if (a.revision !== row.revision || !a.decision) return 'superseded';
      const to = await o.sender.recipient(row.recipient);
      await o.sender.sendCard(to.conversationId, await o.views.outcome(a, langOf(to.locale, o.defaultLang)));
      return 'done';
    }),
    'recheck-notice': forAssessment(async (row) => {
      const a = await o.assessments.get(asUser(row.recipient, 'Caseworker'), row.assessment_id);
      if (a.revision !== row.revision) return 'superseded';
      const to = await o.sender.recipient(row.recipient);
      await o.sender.sendCard(to.conversationId, await o.views.recheck(a, langOf(to.locale, o.defaultLang)));
      return 'done';
    }),
    'pending-warning': forAssessment(async (row) => {
      const a = await o.assessments.get(asUser(row.recipient, 'Caseworker'), row.assessment_id);
      if (!current(a, row, 'awaiting-approval')) return 'superseded';
      const to = await o.sender.recipient(row.recipient);
      await o.sender.sendCard(to.conversationId, await o.views.pendingWarning(a, langOf(to.locale, o.defaultLang)));
      return 'done';
    }),
  };
}

/**
 * Queues a reminder for each approver and a warning for the caseworker when an assessment still awaits
 * approval `minutesBefore` the meeting starts (and it has not started). Idempotent across processes:
 * the outbox's dedupe key makes a second pass, or a second server, queue nothing new.
 */
export async function queueReminders(rawDb: Kysely<Database>, clock: Clock, minutesBefore: number): Promise<number> {
  const db = withIntegrationTables(rawDb);
  const now = clock.now();
  const horizon = new Date(now.getTime() + minutesBefore * 60_000);
  const r1 = await sql`
    INSERT INTO outbox (kind, dedupe_key, assessment_id, revision, recipient, next_attempt_at, created_at)
    SELECT 'reminder', 'reminder:' || a.id || ':' || a.revision || ':' || r, a.id, a.revision, r, ${now}, ${now}
    FROM assessments a CROSS JOIN LATERAL unnest(a.approvers) AS r
    WHERE a.status = 'awaiting-approval' AND (a.input->>'start')::timestamptz <= ${horizon} AND (a.input->>'start')::timestamptz > ${now}
    ON CONFLICT (dedupe_key) DO NOTHING`.execute(db);
  const r2 = await sql`
    INSERT INTO outbox (kind, dedupe_key, assessment_id, revision, recipient, next_attempt_at, created_at)
    SELECT 'pending-warning', 'pending-warning:' || a.id || ':' || a.revision, a.id, a.revision, a.organizer, ${now}, ${now}
    FROM assessments a
    WHERE a.status = 'awaiting-approval' AND (a.input->>'start')::timestamptz <= ${horizon} AND (a.input->>'start')::timestamptz > ${now}
    ON CONFLICT (dedupe_key) DO NOTHING`.execute(db);
  return Number(r1.numAffectedRows ?? 0) + Number(r2.numAffectedRows ?? 0);
}
