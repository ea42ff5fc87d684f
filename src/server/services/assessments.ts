// Assessments: one meeting's check, its revisions, submission, approval and the records made at
// meeting start. States follow DESIGN.md; the verdict is always the server's.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Assessment, AssessmentInput, AssessmentStatus, ChecklistConfirmation, Decision, IdentityCheck } from '../../api/contract';
import { findPersonalIdentityNumber, joinUrlHash, stockholmDate, type Verdict } from '../../policy';
import type { Principal } from '../auth/tokens';
import type { ApproverResolver, Clock, MeetingChats } from '../deps';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../errors';
import type { Database } from '../store/schema';
import { blockingReason, judge } from './evaluation';
import type { PolicyService } from './policy';
import { write, type WriteContext } from './write';

type Row = Selectable<Database['assessments']>;

export interface AssessmentStatusView {
  id: string;
  revision: number;
  status: AssessmentStatus;
  mode: AssessmentInput['mode'];
  serviceId: string | null;
  digital: Verdict['digital'];
  startDate: string;
  /** Approved or ready, every checklist item confirmed and, when required, the identity checked. */
  complete: boolean;
  blockingReason?: Assessment['blockingReason'];
  decisionComment?: string;
}

/** Refuses free text holding a Swedish personal identity or coordination number (data minimisation). */
export function refusePersonalIdentityNumber(field: string, text: string | undefined): void {
  if (text !== undefined && findPersonalIdentityNumber(text)) {
    throw unprocessable('personal-identity-number', `The field "${field}" contains what looks like a personal identity or coordination number: remove it (records hold no personal identity numbers).`, [{ path: field, message: 'contains a personal identity number' }]);
  }
}

const meetingColumns = (input: AssessmentInput) => ({
  event_id: input.meeting.eventId ?? null,
  teams_meeting_id: input.meeting.teamsMeetingId ?? null,
  join_url_hash: input.meeting.joinUrlHash ?? null,
});

/** Fields whose change is a new revision: anything the verdict depends on. */
const judgedKey = (i: AssessmentInput) => JSON.stringify([i.start, i.seriesEnd ?? null, i.mode, i.meetingTypeId, i.serviceId, [...i.needs].sort()]);

export class AssessmentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly approvers: ApproverResolver,
    /** Graph's view of a meeting chat (absent without Graph): finds Outlook-made checks from the meeting tab. */
    private readonly meetingChats?: MeetingChats,
  ) {}

  private async load(db: Kysely<Database>, id: string): Promise<Row> {
    const row = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The assessment');
    return row as Row;
  }

  private async hydrate(db: Kysely<Database>, rows: Row[]): Promise<Assessment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [decisions, confirmations, checks] = await Promise.all([
      db.selectFrom('decisions').selectAll().where('assessment_id', 'in', ids).execute(),
      db.selectFrom('checklist_confirmations').selectAll().where('assessment_id', 'in', ids).orderBy('confirmed_at').execute(),
      db.selectFrom('identity_checks').selectAll().where('assessment_id', 'in', ids).orderBy('counterpart').execute(),
    ]);
    return rows.map((r) => {
      const input = r.input as AssessmentInput;
      const verdict = r.verdict as Verdict;
      const d = decisions.find((x) => x.assessment_id === r.id && x.revision === r.revision);
      const decision: Decision | undefined = d && { outcome: d.outcome as Decision['outcome'], by: d.decided_by, at: d.decided_at.toISOString(), revision: d.revision, ...(d.comment ? { comment: d.comment } : {}) };
      const checklistConfirmations: ChecklistConfirmation[] = confirmations.filter((c) => c.assessment_id === r.id && c.revision === r.revision).map((c) => ({ itemId: c.item_id, confirmedAt: c.confirmed_at.toISOString(), by: c.confirmed_by }));
      const identityChecks: IdentityCheck[] = checks.filter((c) => c.assessment_id === r.id && c.revision === r.revision).map((c) => ({ methodId: c.method_id, assurance: c.assurance, checkedAt: c.checked_at.toISOString(), by: c.checked_by, counterpart: c.counterpart }));
      const reason = blockingReason(input.mode, verdict);
      return {
        ...input,
        id: r.id,
        revision: r.revision,
        status: r.status as AssessmentStatus,
        organizer: r.organizer,
        ...(r.approvers.length > 0 ? { approver: r.approvers[0] } : {}),
        approvers: r.approvers,
        verdict,
        policyVersion: r.policy_version,
        policyNumber: r.policy_number,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        ...(decision ? { decision } : {}),
        checklistConfirmations,
        identityChecks,
        ...(reason ? { blockingReason: reason } : {}),
      };
    });
  }

  /** Who may read: the organizer, a designated approver (Manager), an auditor. */
  private canRead(p: Principal, r: Row): boolean {
    if (r.organizer === p.oid) return true;
    if (p.roles.includes('Manager') && r.approvers.includes(p.oid)) return true;
    return p.roles.includes('Auditor');
  }

  private requireOwner(p: Principal, r: Row): void {
    if (r.organizer !== p.oid || !p.roles.includes('Caseworker')) throw forbidden('Only the caseworker who made this check can change it.');
  }

  /** Every read by someone other than the owner is logged in the audit trail. */
  private async logReads(p: Principal, rows: Row[], what: string): Promise<void> {
    const others = rows.filter((r) => r.organizer !== p.oid);
    if (others.length === 0) return;
    await write(this.db, this.clock, p.oid, async (ctx) => {
      for (const r of others) ctx.record(`assessment.read.${what}`, 'assessment', r.id, { revision: r.revision, status: r.status });
    });
  }

  async get(p: Principal, id: string): Promise<Assessment> {
    const row = await this.load(this.db, id);
    if (!this.canRead(p, row)) throw forbidden();
    await this.logReads(p, [row], 'full');
    return (await this.hydrate(this.db, [row]))[0]!;
  }

  async status(p: Principal, id: string): Promise<AssessmentStatusView> {
    const row = await this.load(this.db, id);
    if (!this.canRead(p, row)) throw forbidden();
    await this.logReads(p, [row], 'status');
    return this.statusView((await this.hydrate(this.db, [row]))[0]!);
  }

  statusView(a: Assessment): AssessmentStatusView {
    return {
      id: a.id, revision: a.revision, status: a.status, mode: a.mode, serviceId: a.serviceId, digital: a.verdict.digital,
      startDate: stockholmDate(a.start), complete: isComplete(a),
      ...(a.blockingReason ? { blockingReason: a.blockingReason } : {}),
      ...(a.decision?.comment ? { decisionComment: a.decision.comment } : {}),
    };
  }

  async list(p: Principal, scope: 'mine' | 'approvals' | 'all', limit: number): Promise<Assessment[]> {
    let q = this.db.selectFrom('assessments').selectAll().orderBy('updated_at', 'desc').orderBy('id').limit(limit);
    if (scope === 'mine') {
      if (!p.roles.includes('Caseworker')) throw forbidden('Listing your own checks needs the Caseworker role.');
      q = q.where('organizer', '=', p.oid);
    } else if (scope === 'approvals') {
      if (!p.roles.includes('Manager')) throw forbidden('Listing checks to approve needs the Manager role.');
      q = q.where(sql<boolean>`${p.oid} = any(approvers)`).where('organizer', '<>', p.oid);
    } else if (!p.roles.includes('Auditor')) {
      throw forbidden('Listing every check needs the Auditor role.');
    }
    const rows = (await q.execute()) as Row[];
    await this.logReads(p, rows, `list-${scope}`);
    return this.hydrate(this.db, rows);
  }

  /**
   * A participant who may not read the check learns only that it exists and whether it is complete.
   * With a Teams meeting id, the meeting tab may also send its chat id: a check made in Outlook knows the
   * meeting by its join URL (hashed), which Graph gives for the chat.
   */
  async byMeeting(p: Principal, ref: { eventId?: string; teamsMeetingId?: string; joinUrlHash?: string; teamsChatId?: string }): Promise<{ exists: true; complete: boolean; assessment?: Assessment }> {
    const references = [ref.eventId, ref.teamsMeetingId, ref.joinUrlHash].filter((r) => r !== undefined).length;
    if (references > 1 || (references === 1 && ref.teamsChatId !== undefined && ref.teamsMeetingId === undefined)) {
      throw badRequest('one-reference', 'Send one meeting reference: eventId, teamsMeetingId (optionally with teamsChatId), joinUrlHash or teamsChatId.');
    }
    const find = (column: 'event_id' | 'teams_meeting_id' | 'join_url_hash', value: string) => this.db.selectFrom('assessments').selectAll()
      .where('status', '<>', 'withdrawn').where(column, '=', value).orderBy('updated_at', 'desc').limit(1).executeTakeFirst() as Promise<Row | undefined>;
    let row: Row | undefined;
    if (ref.eventId) row = await find('event_id', ref.eventId);
    else if (ref.teamsMeetingId) row = await find('teams_meeting_id', ref.teamsMeetingId);
    else if (ref.joinUrlHash) row = await find('join_url_hash', ref.joinUrlHash);
    if (!row && ref.teamsChatId) {
      // The Outlook pane names the meeting by the chat id its join link carries; else Graph gives the chat's join URL.
      row = await find('teams_meeting_id', ref.teamsChatId);
      const url = row || !this.meetingChats ? null : await this.meetingChats.joinUrl(ref.teamsChatId);
      const hash = url ? joinUrlHash(url) : null;
      if (hash) row = await find('join_url_hash', hash);
    }
    if (!row) throw notFound('A check for this meeting');
    const a = (await this.hydrate(this.db, [row]))[0]!;
    if (!this.canRead(p, row)) return { exists: true, complete: isComplete(a) };
    await this.logReads(p, [row], 'by-meeting');
    return { exists: true, complete: isComplete(a), assessment: a };
  }

  async create(p: Principal, input: AssessmentInput): Promise<Assessment> {
    if (!p.roles.includes('Caseworker')) throw forbidden('Making a check needs the Caseworker role.');
    const id = randomUUID();
    await write(this.db, this.clock, p.oid, async (ctx) => {
      const policy = await this.policies.published(ctx.tx);
      const verdict = judge(policy.compiled, input);
      const dates = datesOf(input);
      await ctx.tx.insertInto('assessments').values({
        id, organizer: p.oid, revision: 1, status: 'draft', input: JSON.stringify(input), verdict: JSON.stringify(verdict), policy_version: verdict.policyVersion, policy_number: policy.version,
        approvers: [], ...meetingColumns(input), first_date: dates.first, last_date: dates.last, created_at: ctx.now, updated_at: ctx.now,
      }).execute();
      await this.insertRevision(ctx, id, 1, input, verdict);
      ctx.record('assessment.create', 'assessment', id, { revision: 1, status: 'draft', input, verdict });
    });
    return (await this.hydrate(this.db, [await this.load(this.db, id)]))[0]!;
  }

  private async insertRevision(ctx: WriteContext, id: string, revision: number, input: AssessmentInput, verdict: Verdict) {
    await ctx.tx.insertInto('assessment_revisions').values({
      assessment_id: id, revision, input: JSON.stringify(input), verdict: JSON.stringify(verdict), policy_version: verdict.policyVersion, created_at: ctx.now, created_by: ctx.actor,
    }).execute();
  }

  private async change(p: Principal, id: string, fn: (ctx: WriteContext, row: Row) => Promise<void>): Promise<Assessment> {
    await write(this.db, this.clock, p.oid, async (ctx) => {
      const row = await this.load(ctx.tx, id);
      await fn(ctx, row);
    });
    return (await this.hydrate(this.db, [await this.load(this.db, id)]))[0]!;
  }

  private checkRevision(row: Row, revision: number | undefined): void {
    if (revision !== undefined && revision !== row.revision) {
      throw conflict('stale-revision', `The check has changed since you loaded it (now revision ${row.revision}, you sent ${revision}): reload it and try again.`, { currentRevision: row.revision });
    }
  }

  async revise(p: Principal, id: string, revision: number, input: AssessmentInput): Promise<Assessment> {
    return this.change(p, id, async (ctx, row) => {
      this.requireOwner(p, row);
      if (row.status === 'withdrawn') throw conflict('withdrawn', 'This check was withdrawn: make a new one.');
      this.checkRevision(row, revision);
      const before = row.input as AssessmentInput;
      const dates = datesOf(input);
      if (judgedKey(before) === judgedKey(input)) {
        // Only the meeting reference or the "not a client meeting" mark changed: same revision, same approval.
        await ctx.tx.updateTable('assessments').set({ input: JSON.stringify(input), ...meetingColumns(input), updated_at: ctx.now }).where('id', '=', id).execute();
        ctx.record('assessment.update-reference', 'assessment', id, { revision: row.revision, input });
        return;
      }
      const policy = await this.policies.published(ctx.tx);
      const verdict = judge(policy.compiled, input);
      const next = row.revision + 1;
      await ctx.tx.updateTable('assessments').set({
        revision: next, status: 'draft', input: JSON.stringify(input), verdict: JSON.stringify(verdict), policy_version: verdict.policyVersion, policy_number: policy.version,
        approvers: [], ...meetingColumns(input), first_date: dates.first, last_date: dates.last, updated_at: ctx.now,
      }).where('id', '=', id).execute();
      await this.insertRevision(ctx, id, next, input, verdict);
      ctx.record('assessment.revise', 'assessment', id, { revision: next, status: 'draft', input, verdict });
    });
  }

  async submit(p: Principal, id: string, revision: number | undefined): Promise<Assessment> {
    const pre = await this.load(this.db, id);
    this.requireOwner(p, pre);
    // Resolved outside the transaction: the directory lookup may be slow and must not hold the chain head.
    const { approvers } = await this.approvers.resolve(p.oid, stockholmDate(this.clock.now().toISOString()));
    return this.change(p, id, async (ctx, row) => {
      this.checkRevision(row, revision);
      if (row.status !== 'draft' && row.status !== 'needs-recheck') {
        throw conflict('not-submittable', `A check in state "${row.status}" cannot be submitted: revise it first.`);
      }
      const input = row.input as AssessmentInput;
      const policy = await this.policies.published(ctx.tx);
      const verdict = judge(policy.compiled, input);
      if (input.mode === 'digital' && verdict.digital === 'not-allowed') {
        throw unprocessable('digital-not-allowed', 'A digital meeting that the policy does not allow cannot be submitted: change the service or make it a physical meeting.', [{ path: 'mode', message: 'digital meeting not allowed' }]);
      }
      let status: AssessmentStatus = 'ready';
      let assigned: string[] = [];
      if (verdict.coApproval.required) {
        assigned = approvers.filter((oid) => oid !== row.organizer);
        if (assigned.length === 0) throw conflict('no-approver', 'No approver is configured for you (no manager, stand-in or fallback group): ask the administrator to set one.');
        status = 'awaiting-approval';
      }
      await ctx.tx.updateTable('assessments').set({
        status, approvers: assigned, verdict: JSON.stringify(verdict), policy_version: verdict.policyVersion, policy_number: policy.version, updated_at: ctx.now,
      }).where('id', '=', id).execute();
      ctx.record('assessment.submit', 'assessment', id, { revision: row.revision, status, approvers: assigned, verdict });
    });
  }

  async withdraw(p: Principal, id: string, revision: number | undefined): Promise<Assessment> {
    return this.change(p, id, async (ctx, row) => {
      this.requireOwner(p, row);
      this.checkRevision(row, revision);
      if (row.status === 'withdrawn') return;
      await ctx.tx.updateTable('assessments').set({ status: 'withdrawn', approvers: [], updated_at: ctx.now }).where('id', '=', id).execute();
      ctx.record('assessment.withdraw', 'assessment', id, { revision: row.revision, status: 'withdrawn' });
    });
  }

  async decide(p: Principal, id: string, body: { revision: number; outcome: 'approved' | 'rejected'; comment?: string }): Promise<Assessment> {
    refusePersonalIdentityNumber('comment', body.comment);
    // A stand-in decides only while standing in: the approvers are resolved again for the day of the
    // decision (outside the transaction, like at submit). The designated approver (first) always may.
    const pre = await this.load(this.db, id);
    // When the directory cannot answer, only the designated approver decides (stand-ins wait): fail closed, stay available.
    const { approvers: today } = await this.approvers.resolve(pre.organizer, stockholmDate(this.clock.now().toISOString())).catch(() => ({ approvers: [] as string[] }));
    return this.change(p, id, async (ctx, row) => {
      if (row.organizer === p.oid) throw forbidden('You cannot approve your own check.');
      if (!p.roles.includes('Manager') || !row.approvers.includes(p.oid)) throw forbidden('Only the designated approver can decide on this check.');
      if (p.oid !== row.approvers[0] && !today.includes(p.oid)) throw forbidden('Your period as stand-in has ended: the designated approver decides on this check.');
      const existing = await ctx.tx.selectFrom('decisions').selectAll().where('assessment_id', '=', id).where('revision', '=', body.revision).executeTakeFirst();
      if (existing) {
        // A repeated click (or a second device) with the same decision is a no-op.
        if (existing.outcome === body.outcome && existing.decided_by === p.oid) return;
        throw conflict('already-decided', `Revision ${body.revision} was already ${existing.outcome === 'approved' ? 'approved' : 'rejected'}.`);
      }
      this.checkRevision(row, body.revision);
      if (row.status !== 'awaiting-approval') throw conflict('not-awaiting-approval', `The check is "${row.status}", not awaiting approval.`);
      await ctx.tx.insertInto('decisions').values({ assessment_id: id, revision: row.revision, outcome: body.outcome, decided_by: p.oid, decided_at: ctx.now, comment: body.comment ?? null }).execute();
      await ctx.tx.updateTable('assessments').set({ status: body.outcome, updated_at: ctx.now }).where('id', '=', id).execute();
      ctx.record(`assessment.${body.outcome === 'approved' ? 'approve' : 'reject'}`, 'assessment', id, { revision: row.revision, status: body.outcome, comment: body.comment ?? null });
    });
  }

  private requireMeetingStart(row: Row) {
    if (row.status !== 'approved' && row.status !== 'ready') {
      throw conflict('not-ready', `The checklist and identity check are recorded when the check is approved or ready; it is "${row.status}".`);
    }
  }

  async confirmChecklist(p: Principal, id: string, body: { itemId: string; confirmed: boolean }): Promise<Assessment> {
    return this.change(p, id, async (ctx, row) => {
      this.requireOwner(p, row);
      this.requireMeetingStart(row);
      if (!(row.verdict as Verdict).checklist.some((c) => c.id === body.itemId)) {
        throw unprocessable('unknown-checklist-item', `"${body.itemId}" is not on this check's checklist.`, [{ path: 'itemId', message: 'not on the checklist' }]);
      }
      const key = { assessment_id: id, revision: row.revision, item_id: body.itemId };
      if (body.confirmed) {
        await ctx.tx.insertInto('checklist_confirmations').values({ ...key, confirmed_at: ctx.now, confirmed_by: p.oid }).onConflict((oc) => oc.columns(['assessment_id', 'revision', 'item_id']).doNothing()).execute();
      } else {
        await ctx.tx.deleteFrom('checklist_confirmations').where('assessment_id', '=', id).where('revision', '=', row.revision).where('item_id', '=', body.itemId).execute();
      }
      ctx.record(body.confirmed ? 'assessment.checklist.confirm' : 'assessment.checklist.unconfirm', 'assessment', id, key);
    });
  }

  async recordIdentityCheck(p: Principal, id: string, body: { methodId: string; counterpart: number }): Promise<Assessment> {
    return this.change(p, id, async (ctx, row) => {
      this.requireOwner(p, row);
      this.requireMeetingStart(row);
      const version = await ctx.tx.selectFrom('policy_versions').select('policy').where('number', '=', row.policy_number).executeTakeFirstOrThrow();
      const method = (version.policy as { identityMethods: { id: string; assurance: number }[] }).identityMethods.find((m) => m.id === body.methodId);
      if (!method) throw unprocessable('unknown-identity-method', `"${body.methodId}" is not an identity method of policy version ${row.policy_number}.`, [{ path: 'methodId', message: 'unknown identity method' }]);
      const required = (row.verdict as Verdict).identityVerification;
      if (required.required && method.assurance < required.assurance) {
        throw unprocessable('assurance-too-low', `${body.methodId} reaches assurance level ${method.assurance}; this meeting requires ${required.assurance}.`, [{ path: 'methodId', message: 'assurance too low' }]);
      }
      const values = { assessment_id: id, revision: row.revision, counterpart: body.counterpart, method_id: method.id, assurance: method.assurance, checked_at: ctx.now, checked_by: p.oid };
      await ctx.tx.insertInto('identity_checks').values(values)
        .onConflict((oc) => oc.columns(['assessment_id', 'revision', 'counterpart']).doUpdateSet({ method_id: method.id, assurance: method.assurance, checked_at: ctx.now, checked_by: p.oid })).execute();
      ctx.record('assessment.identity-check', 'assessment', id, { ...values, checked_at: ctx.now.toISOString() });
    });
  }
}

function datesOf(input: AssessmentInput): { first: string; last: string } {
  const first = stockholmDate(input.start);
  return { first, last: input.seriesEnd ? stockholmDate(input.seriesEnd) : first };
}

export function isComplete(a: Assessment): boolean {
  if (a.status !== 'approved' && a.status !== 'ready') return false;
  const confirmed = new Set(a.checklistConfirmations.map((c) => c.itemId));
  if (!a.verdict.checklist.every((c) => confirmed.has(c.id))) return false;
  return !a.verdict.identityVerification.required || a.identityChecks.length > 0;
}

