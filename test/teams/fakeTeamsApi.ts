// An honest in-memory stand-in for the server, for the Teams tabs' component and browser tests: the
// assessments come from the Outlook pane's fake backend (same evaluate, same states); added here are
// who asks (me), the scopes of the lists, the meeting look-up with its privacy rule, the records made
// at meeting start, the policy draft with its ETag, validation, preview, publish and versions, and
// the review reminders of the published policy by the server's own rule.
import type { Assessment, PolicyDraft, PublishedPolicy } from '../../src/api/contract';
import { evaluate } from '../../src/policy/evaluate';
import { validatePolicy } from '../../src/policy/validate';
import { policyVersion } from '../../src/policy/version';
import type { Policy } from '../../src/policy/types';
import { ApiRequestError } from '../../src/web/shared/api';
import { DraftConflict, type PolicyVersionSummary } from '../../src/web/shared/policyApi';
import type { TeamsApi } from '../../src/web/teams/api';
import { isComplete } from '../../src/web/teams/meeting/MeetingPanel';
import { diffPolicies } from '../../src/policy/diff';
import { reviewReminders } from '../../src/server/reports/queries';
import { APPROVER, createFakeBackend, ORGANIZER, type FakeBackend } from '../web/fakeBackend';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const USERS = {
  caseworker: { oid: ORGANIZER, tid: 'tenant', roles: ['Caseworker'] },
  manager: { oid: APPROVER, tid: 'tenant', roles: ['Manager'] },
  policyadmin: { oid: 'd0000000-0000-4000-8000-000000000301', tid: 'tenant', roles: ['PolicyAdmin'] },
  auditor: { oid: 'd0000000-0000-4000-8000-000000000401', tid: 'tenant', roles: ['Auditor'] },
  guest: { oid: 'd0000000-0000-4000-8000-000000000999', tid: 'tenant', roles: ['Caseworker'] },
} as const;
export type UserName = keyof typeof USERS;

export interface FakeTeamsApi extends TeamsApi {
  readonly backend: FakeBackend;
  readonly calls: string[];
  user: UserName;
  readonly draft: () => PolicyDraft;
  /** Another admin saves the draft: the next save with the old ETag is a conflict. */
  otherAdminSaves(policy: Policy): void;
  readonly published: PublishedPolicy[];
  /** When set, GET /api/review-reminders fails with it. */
  remindersError: ApiRequestError | null;
}

export function createFakeTeamsApi(policy: Policy, options: { user?: UserName; now?: () => string } = {}): FakeTeamsApi {
  const now = options.now ?? (() => new Date().toISOString());
  const backend = createFakeBackend(policy, now);
  const calls = backend.calls;
  const published: PublishedPolicy[] = [
    { version: 1, hash: policyVersion(policy), publishedAt: '2026-01-10T09:00:00.000Z', publishedBy: USERS.policyadmin.oid, changeNote: 'Första versionen', policy: clone(policy) },
  ];
  let revision = 1;
  let draft: PolicyDraft = {
    policy: clone(policy), etag: '"draft-1"', updatedAt: '2026-01-10T09:00:00.000Z', updatedBy: USERS.policyadmin.oid, errors: [], warnings: [],
  };
  const today = () => now().slice(0, 10);
  const who = () => USERS[api.user];
  const requireRole = (role: string) => {
    if (!(who().roles as readonly string[]).includes(role)) throw new ApiRequestError(403, 'forbidden', `This needs the role ${role}.`);
  };
  const withIssues = (doc: unknown, base: Omit<PolicyDraft, 'errors' | 'warnings'>): PolicyDraft => {
    const v = validatePolicy(doc, { today: today() });
    return { ...base, errors: v.errors, warnings: v.warnings };
  };
  const store = (a: Assessment) => {
    backend.assessments.set(a.id, a);
    return clone(a);
  };
  const find = (id: string) => {
    const a = backend.assessments.get(id);
    if (!a) throw new ApiRequestError(404, 'not-found', `no assessment ${id}`);
    return a;
  };
  const version = (n: number) => {
    const v = published.find((p) => p.version === n);
    if (!v) throw new ApiRequestError(404, 'not-found', `Policy version ${n} does not exist.`);
    return v;
  };

  const api: FakeTeamsApi = {
    ...backend,
    backend,
    calls,
    published,
    user: options.user ?? 'caseworker',
    remindersError: null,
    draft: () => clone(draft),
    otherAdminSaves(next) {
      revision += 1;
      draft = withIssues(next, { policy: clone(next), etag: `"draft-${revision}"`, updatedAt: now(), updatedBy: 'd0000000-0000-4000-8000-000000000302' });
    },
    async me() {
      calls.push('me');
      const u = who();
      return { oid: u.oid, tid: u.tid, roles: [...u.roles] };
    },
    async createAssessment(input) {
      const a = await backend.createAssessment(input);
      return store({ ...a, organizer: who().oid });
    },
    async listAssessments(scope) {
      calls.push(`listAssessments:${scope}`);
      const all = [...backend.assessments.values()];
      if (scope === 'mine') return clone(all.filter((a) => a.organizer === who().oid));
      if (scope === 'approvals') return clone(all.filter((a) => a.approver === who().oid && a.organizer !== who().oid));
      requireRole('Auditor');
      return clone(all);
    },
    async decideAssessment(id, decision) {
      calls.push(`decideAssessment:${decision.outcome}`);
      const a = find(id);
      if (a.approver !== who().oid) throw new ApiRequestError(403, 'forbidden', 'Only the designated approver can decide on this check.');
      if (a.status !== 'awaiting-approval') throw new ApiRequestError(409, 'not-awaiting-approval', `The check is "${a.status}".`);
      return store({ ...a, status: decision.outcome, decision: { ...decision, by: who().oid, at: now() }, updatedAt: now() });
    },
    async findMeetingCheck(ref) {
      calls.push('findMeetingCheck');
      const open = [...backend.assessments.values()].filter((x) => x.status !== 'withdrawn');
      // As the server: by the meeting id, else by the chat id (a check made in Outlook from a classic join link).
      const a = (ref.teamsMeetingId ? open.find((x) => x.meeting.teamsMeetingId === ref.teamsMeetingId) : undefined)
        ?? (ref.teamsChatId ? open.find((x) => x.meeting.teamsMeetingId === ref.teamsChatId) : undefined);
      if (!a) return { exists: false };
      const reader = a.organizer === who().oid || a.approver === who().oid;
      return reader ? { exists: true, complete: isComplete(a), assessment: clone(a) } : { exists: true, complete: isComplete(a) };
    },
    async confirmChecklistItem(id, itemId, confirmed) {
      calls.push(`confirmChecklistItem:${itemId}:${confirmed}`);
      const a = find(id);
      const others = a.checklistConfirmations.filter((c) => c.itemId !== itemId);
      return store({ ...a, checklistConfirmations: confirmed ? [...others, { itemId, confirmedAt: now(), by: who().oid }] : others });
    },
    async recordIdentityCheck(id, check) {
      calls.push(`recordIdentityCheck:${check.methodId}:${check.counterpart}`);
      const a = find(id);
      const method = policy.identityMethods.find((m) => m.id === check.methodId);
      if (!method) throw new ApiRequestError(422, 'unknown-identity-method', `"${check.methodId}" is not an identity method.`);
      const others = a.identityChecks.filter((c) => c.counterpart !== check.counterpart);
      return store({ ...a, identityChecks: [...others, { methodId: method.id, assurance: method.assurance, checkedAt: now(), by: who().oid, counterpart: check.counterpart }] });
    },
    async getDraft() {
      calls.push('getDraft');
      requireRole('PolicyAdmin');
      return clone(draft);
    },
    async saveDraft(doc, etag) {
      calls.push('saveDraft');
      requireRole('PolicyAdmin');
      if (etag !== draft.etag) throw new DraftConflict(clone(draft), 'The draft was changed by someone else since you loaded it.');
      revision += 1;
      draft = withIssues(doc, { policy: clone(doc) as Policy, etag: `"draft-${revision}"`, updatedAt: now(), updatedBy: who().oid });
      return clone(draft);
    },
    async validate(doc) {
      const v = validatePolicy(doc, { today: today() });
      return { valid: v.valid, errors: v.errors, warnings: v.warnings };
    },
    async preview(request, doc) {
      calls.push('preview');
      const v = validatePolicy(doc ?? draft.policy, { today: today() });
      if (!v.valid || !v.policy) throw new ApiRequestError(400, 'policy-invalid', `The policy has ${v.errors.length} error(s): fix them to preview.`);
      return { verdict: evaluate(v.policy, request), warnings: v.warnings };
    },
    async publish(changeNote, etag) {
      calls.push(`publish:${changeNote}`);
      requireRole('PolicyAdmin');
      if (etag !== draft.etag) throw new DraftConflict(clone(draft), 'The draft was changed by someone else.');
      const v = validatePolicy(draft.policy, { today: today() });
      if (!v.valid || !v.policy) throw new ApiRequestError(400, 'policy-invalid', `The draft has ${v.errors.length} error(s).`);
      const next: PublishedPolicy = {
        version: published.length + 1, hash: policyVersion(v.policy), publishedAt: now(), publishedBy: who().oid, changeNote, policy: clone(v.policy),
      };
      published.push(next);
      // Open assessments whose verdict the new version changes go to re-check, as the server does.
      const open = [...backend.assessments.values()].filter((a) => ['awaiting-approval', 'approved', 'ready'].includes(a.status));
      const changed = open.filter((a) => {
        const again = evaluate(v.policy!, { meetingTypeId: a.meetingTypeId, serviceId: a.mode === 'digital' ? a.serviceId : null, needs: a.needs, date: a.start.slice(0, 10) });
        return again.digital !== a.verdict.digital;
      });
      for (const a of changed) backend.assessments.set(a.id, { ...a, status: 'needs-recheck' });
      return { ...clone(next), recheck: { checked: open.length, needsRecheck: changed.map((a) => a.id) } };
    },
    async versions(): Promise<PolicyVersionSummary[]> {
      calls.push('versions');
      return published.map((p) => ({ number: p.version, hash: p.hash, publishedAt: p.publishedAt, publishedBy: p.publishedBy, changeNote: p.changeNote })).reverse();
    },
    async reviewReminders() {
      calls.push('reviewReminders');
      if (!(who().roles as readonly string[]).some((r) => r === 'PolicyAdmin' || r === 'Auditor')) {
        throw new ApiRequestError(403, 'forbidden', 'This needs the role PolicyAdmin or Auditor.');
      }
      if (api.remindersError) throw api.remindersError;
      return { today: today(), reminders: reviewReminders(published.at(-1)!.policy, today()) };
    },
    async version(n) {
      return clone(version(n));
    },
    async diff(from, to) {
      calls.push(`diff:${from}:${to}`);
      const a = version(from);
      const b = version(to);
      return { from: { version: a.version, hash: a.hash }, to: { version: b.version, hash: b.hash }, changes: diffPolicies(a.policy, b.policy) };
    },
  };
  return api;
}
