// The incident register: register, edit, move through the statuses of model.ts. Every change is
// audited in the same transaction; free text holding a personal identity number is refused (422
// naming the field). Who: the reporter and the auditor (data-protection officer) read and edit; the
// notification and the closing are the auditor's.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Principal } from '../auth/tokens';
import type { Clock } from '../deps';
import { conflict, forbidden, notFound, unprocessable } from '../errors';
import { refusePersonalIdentityNumber } from '../services/assessments';
import { write, type WriteContext } from '../services/write';
import type { Database } from '../store/schema';
import { accountabilityDb, accountabilityTx, type AccountabilityDatabase } from '../reports/schema';
import {
  deadlineView, notificationDeadline, transitionProblem, TRANSITIONS,
  type IncidentCategory, type IncidentStatus,
} from './model';

type Row = Selectable<AccountabilityDatabase['incidents']>;

import type { Incident, IncidentInput, IncidentPatch, StatusChange } from '../../api/contract';

export type { Incident, IncidentInput, IncidentPatch, StatusChange };


const FREE_TEXT = ['description', 'effects', 'correctiveActions', 'imyReference', 'delayReason'] as const;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function refuseIdentityNumbers(body: Partial<Record<(typeof FREE_TEXT)[number], string | null | undefined>>): void {
  for (const field of FREE_TEXT) refusePersonalIdentityNumber(field, body[field] ?? undefined);
}

/** The state an audit event's digest covers: the whole record as stored. */
function auditState(r: Row) {
  return {
    revision: r.revision, assessmentId: r.assessment_id, category: r.category, occurredAt: r.occurred_at.toISOString(), discoveredAt: r.discovered_at.toISOString(),
    description: r.description, effects: r.effects, correctiveActions: r.corrective_actions, mustNotifyImy: r.must_notify_imy,
    imyNotifiedAt: r.imy_notified_at?.toISOString() ?? null, imyReference: r.imy_reference, delayReason: r.delay_reason, status: r.status,
  };
}

export class IncidentService {
  private readonly db: Kysely<AccountabilityDatabase>;

  constructor(private readonly baseDb: Kysely<Database>, private readonly clock: Clock) {
    this.db = accountabilityDb(baseDb);
  }

  view(r: Row, now: Date = this.clock.now()): Incident {
    const status = r.status as IncidentStatus;
    return {
      id: r.id, revision: r.revision, assessmentId: r.assessment_id, category: r.category as IncidentCategory,
      occurredAt: r.occurred_at.toISOString(), discoveredAt: r.discovered_at.toISOString(),
      description: r.description, effects: r.effects, correctiveActions: r.corrective_actions, mustNotifyImy: r.must_notify_imy,
      imyNotifiedAt: r.imy_notified_at?.toISOString() ?? null, imyReference: r.imy_reference, delayReason: r.delay_reason,
      status, reportedBy: r.reported_by, createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), closedAt: r.closed_at?.toISOString() ?? null,
      notification: deadlineView({ status, mustNotifyImy: r.must_notify_imy, correctiveActions: r.corrective_actions, notificationDeadline: r.notification_deadline, imyNotifiedAt: r.imy_notified_at }, now),
      allowedTransitions: [...TRANSITIONS[status]],
    };
  }

  private canRead(p: Principal, r: Row): boolean {
    return r.reported_by === p.oid || p.roles.includes('Auditor');
  }

  private async load(db: Kysely<AccountabilityDatabase>, id: string): Promise<Row> {
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The incident');
    return row;
  }

  /** Times must be real (not in the future) and in order: discovery cannot precede the incident. */
  private checkTimes(occurredAt: Date, discoveredAt: Date, now: Date, fields: { occurred: string; discovered: string }): void {
    const limit = now.getTime() + FUTURE_TOLERANCE_MS;
    if (occurredAt.getTime() > limit) throw unprocessable('time-in-future', 'The incident cannot have happened in the future.', [{ path: fields.occurred, message: 'in the future' }]);
    if (discoveredAt.getTime() > limit) throw unprocessable('time-in-future', 'The incident cannot have been discovered in the future.', [{ path: fields.discovered, message: 'in the future' }]);
    if (discoveredAt.getTime() < occurredAt.getTime()) {
      throw unprocessable('discovered-before-occurred', 'The incident was discovered before it happened: check both times.', [{ path: fields.discovered, message: 'earlier than occurredAt' }]);
    }
  }

  /** A linked assessment must exist and be one the reporter may read (their own, one they approve, or any for an auditor). */
  private async checkAssessment(ctx: WriteContext, p: Principal, assessmentId: string | null | undefined): Promise<void> {
    if (!assessmentId) return;
    const a = await ctx.tx.selectFrom('assessments').select(['organizer', 'approvers']).where('id', '=', assessmentId).executeTakeFirst();
    const readable = a && (a.organizer === p.oid || (p.roles.includes('Manager') && a.approvers.includes(p.oid)) || p.roles.includes('Auditor'));
    if (!readable) throw unprocessable('unknown-assessment', 'There is no check with that id that you may link to.', [{ path: 'assessmentId', message: 'unknown assessment' }]);
  }

  async create(p: Principal, input: IncidentInput): Promise<Incident> {
    refuseIdentityNumbers(input);
    const id = randomUUID();
    await write(this.baseDb, this.clock, p.oid, async (ctx) => {
      const occurred = new Date(input.occurredAt);
      const discovered = new Date(input.discoveredAt);
      this.checkTimes(occurred, discovered, ctx.now, { occurred: 'occurredAt', discovered: 'discoveredAt' });
      await this.checkAssessment(ctx, p, input.assessmentId);
      const tx = accountabilityTx(ctx.tx);
      const row = await tx.insertInto('incidents').values({
        id, revision: 1, assessment_id: input.assessmentId ?? null, category: input.category, occurred_at: occurred, discovered_at: discovered,
        notification_deadline: notificationDeadline(discovered), description: input.description, effects: input.effects ?? '', corrective_actions: input.correctiveActions ?? '',
        must_notify_imy: input.mustNotifyImy, imy_notified_at: null, imy_reference: null, delay_reason: null, status: 'oppen',
        reported_by: p.oid, created_at: ctx.now, updated_at: ctx.now, closed_at: null,
      }).returningAll().executeTakeFirstOrThrow();
      ctx.record('incident.create', 'incident', id, auditState(row));
    });
    return this.view(await this.load(this.db, id));
  }

  async get(p: Principal, id: string): Promise<Incident> {
    const row = await this.load(this.db, id);
    if (!this.canRead(p, row)) throw forbidden('Only the person who reported the incident and the data-protection officer (Auditor) can read it.');
    await this.logReads(p, [row]);
    return this.view(row);
  }

  async list(p: Principal, options: { scope: 'mine' | 'all'; status?: IncidentStatus; limit: number }): Promise<Incident[]> {
    let q = this.db.selectFrom('incidents').selectAll().orderBy('discovered_at', 'desc').orderBy('id').limit(options.limit);
    if (options.scope === 'mine') q = q.where('reported_by', '=', p.oid);
    else if (!p.roles.includes('Auditor')) throw forbidden('Listing every incident needs the Auditor role.');
    if (options.status) q = q.where('status', '=', options.status);
    const rows = await q.execute();
    await this.logReads(p, rows);
    const now = this.clock.now();
    return rows.map((r) => this.view(r, now));
  }

  private async logReads(p: Principal, rows: Row[]): Promise<void> {
    const others = rows.filter((r) => r.reported_by !== p.oid);
    if (others.length === 0) return;
    await write(this.baseDb, this.clock, p.oid, async (ctx) => {
      for (const r of others) ctx.record('incident.read', 'incident', r.id, { revision: r.revision, status: r.status });
    });
  }

  private async change(p: Principal, id: string, revision: number, fn: (ctx: WriteContext, row: Row) => Promise<Row>): Promise<Incident> {
    await write(this.baseDb, this.clock, p.oid, async (ctx) => {
      const row = await this.load(accountabilityTx(ctx.tx), id);
      if (!this.canRead(p, row)) throw forbidden('Only the person who reported the incident and the data-protection officer (Auditor) can change it.');
      if (row.revision !== revision) {
        throw conflict('stale-revision', `The incident has changed since you loaded it (now revision ${row.revision}, you sent ${revision}): reload it and try again.`, { currentRevision: row.revision });
      }
      await fn(ctx, row);
    });
    return this.view(await this.load(this.db, id));
  }

  async update(p: Principal, id: string, patch: IncidentPatch): Promise<Incident> {
    refuseIdentityNumbers(patch);
    return this.change(p, id, patch.revision, async (ctx, row) => {
      if (row.status === 'avslutad') throw conflict('incident-closed', 'A closed incident cannot be changed: register a new incident that refers to it.');
      const occurred = patch.occurredAt !== undefined ? new Date(patch.occurredAt) : row.occurred_at;
      const discovered = patch.discoveredAt !== undefined ? new Date(patch.discoveredAt) : row.discovered_at;
      this.checkTimes(occurred, discovered, ctx.now, { occurred: 'occurredAt', discovered: 'discoveredAt' });
      if (patch.assessmentId !== undefined) await this.checkAssessment(ctx, p, patch.assessmentId);
      if (row.status === 'anmald' && patch.mustNotifyImy === false) {
        throw conflict('already-notified', 'The incident has been notified to IMY: it cannot be marked as not to be notified.');
      }
      if (row.status === 'atgardad' && patch.correctiveActions !== undefined && patch.correctiveActions.trim() === '') {
        throw unprocessable('corrective-actions-required', 'A remedied incident keeps its corrective actions: reopen it first to clear them.', [{ path: 'correctiveActions', message: 'required while remedied' }]);
      }
      const updated = await accountabilityTx(ctx.tx).updateTable('incidents').set({
        revision: row.revision + 1,
        ...(patch.category !== undefined ? { category: patch.category } : {}),
        occurred_at: occurred, discovered_at: discovered, notification_deadline: notificationDeadline(discovered),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.effects !== undefined ? { effects: patch.effects } : {}),
        ...(patch.correctiveActions !== undefined ? { corrective_actions: patch.correctiveActions } : {}),
        ...(patch.mustNotifyImy !== undefined ? { must_notify_imy: patch.mustNotifyImy } : {}),
        ...(patch.assessmentId !== undefined ? { assessment_id: patch.assessmentId } : {}),
        updated_at: ctx.now,
      }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      ctx.record('incident.update', 'incident', id, auditState(updated));
      return updated;
    });
  }

  async setStatus(p: Principal, id: string, change: StatusChange): Promise<Incident> {
    refuseIdentityNumbers(change);
    if ((change.status === 'anmald' || change.status === 'avslutad') && !p.roles.includes('Auditor')) {
      throw forbidden('Notifying IMY and closing an incident are for the data-protection officer (Auditor role).');
    }
    return this.change(p, id, change.revision, async (ctx, row) => {
      const notifiedAt = change.imyNotifiedAt !== undefined ? new Date(change.imyNotifiedAt) : undefined;
      const problem = transitionProblem(
        { status: row.status as IncidentStatus, mustNotifyImy: row.must_notify_imy, correctiveActions: row.corrective_actions, notificationDeadline: row.notification_deadline, imyNotifiedAt: row.imy_notified_at },
        { to: change.status, ...(notifiedAt ? { imyNotifiedAt: notifiedAt } : {}), ...(change.delayReason !== undefined ? { delayReason: change.delayReason } : {}) },
        ctx.now,
      );
      if (problem) {
        const status = problem.code === 'transition-not-allowed' || problem.code === 'notification-required' ? 409 : 422;
        if (status === 409) throw conflict(problem.code, problem.message);
        throw unprocessable(problem.code, problem.message, [{ path: problem.field, message: problem.message }]);
      }
      if (change.status !== 'anmald' && (notifiedAt || change.imyReference !== undefined || change.delayReason !== undefined)) {
        throw unprocessable('notification-fields-only-when-notifying', 'imyNotifiedAt, imyReference and delayReason are given when the status becomes "anmald".', [{ path: 'imyNotifiedAt', message: 'only with status "anmald"' }]);
      }
      const updated = await accountabilityTx(ctx.tx).updateTable('incidents').set({
        revision: row.revision + 1, status: change.status, updated_at: ctx.now,
        ...(change.status === 'anmald' ? { imy_notified_at: notifiedAt!, imy_reference: change.imyReference ?? null, delay_reason: change.delayReason ?? null } : {}),
        closed_at: change.status === 'avslutad' ? ctx.now : null,
      }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      ctx.record('incident.status', 'incident', id, auditState(updated));
      return updated;
    });
  }
}
