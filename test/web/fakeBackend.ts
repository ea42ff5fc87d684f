// An honest in-memory stand-in for the server's assessment routes, for the pane's component and
// browser tests: it judges with the same evaluate the server runs and follows DESIGN.md's states
// (create → draft, submit → awaiting-approval or ready, revise → a new revision in draft).
import type { Assessment, AssessmentInput, PublishedPolicy } from '../../src/api/contract';
import { ApiRequestError, type MotescheckApi } from '../../src/web/shared/api';
import { evaluate, evaluateSeries } from '../../src/policy/evaluate';
import { stockholmDate } from '../../src/policy/dates';
import { policyVersion } from '../../src/policy/version';
import type { Policy, Verdict } from '../../src/policy/types';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export const ORGANIZER = 'd0000000-0000-4000-8000-000000000101';
export const APPROVER = 'd0000000-0000-4000-8000-000000000201';

export interface FakeBackend extends MotescheckApi {
  readonly assessments: Map<string, Assessment>;
  readonly calls: string[];
  /** The approver's decision, as the Teams card or tab would make it. */
  decide(id: string, outcome: 'approved' | 'rejected', comment?: string): Assessment;
}

export function createFakeBackend(policy: Policy, now: () => string = () => new Date().toISOString()): FakeBackend {
  const assessments = new Map<string, Assessment>();
  const calls: string[] = [];
  const published: PublishedPolicy = {
    version: 1, hash: policyVersion(policy), publishedAt: now(), publishedBy: 'admin', changeNote: 'första versionen', policy,
  };
  let nextId = 1;

  const judge = (input: AssessmentInput): Verdict => {
    // A meeting the check does not concern is recorded, not judged: an empty verdict stands for it.
    if (input.notClientMeeting) {
      return {
        policyVersion: published.hash, digital: 'allowed', approvedServices: [], coApproval: { required: false },
        identityVerification: { required: false, assurance: 0, methods: [], serviceProvides: false },
        checklist: [], deviation: null, reasons: [],
      };
    }
    const request = { meetingTypeId: input.meetingTypeId, serviceId: input.mode === 'digital' ? input.serviceId : null, needs: input.needs };
    return input.seriesEnd
      ? evaluateSeries(policy, request, [stockholmDate(input.start), stockholmDate(input.seriesEnd)])
      : evaluate(policy, { ...request, date: stockholmDate(input.start) });
  };
  const get = (id: string) => {
    const a = assessments.get(id);
    if (!a) throw new ApiRequestError(404, 'not-found', `no assessment ${id}`);
    return a;
  };
  const store = (a: Assessment) => {
    assessments.set(a.id, a);
    return clone(a);
  };
  const build = (id: string, revision: number, input: AssessmentInput, createdAt: string): Assessment => {
    const verdict = judge(input);
    const blocking = verdict.reasons.find((r) => r.severity === 'block');
    return {
      ...clone(input), id, revision, status: 'draft', organizer: ORGANIZER, verdict,
      policyVersion: verdict.policyVersion, policyNumber: 1, createdAt, updatedAt: now(),
      checklistConfirmations: [], identityChecks: [],
      ...(blocking ? { blockingReason: blocking.text } : {}),
    };
  };

  return {
    assessments,
    calls,
    async getPublishedPolicy() {
      calls.push('getPublishedPolicy');
      return clone(published);
    },
    async createAssessment(input) {
      calls.push('createAssessment');
      return store(build(`a${nextId++}`, 1, input, now()));
    },
    async reviseAssessment(id, input, revision) {
      calls.push('reviseAssessment');
      const current = get(id);
      if (current.revision !== revision) throw new ApiRequestError(409, 'stale-revision', `revision ${revision} is not the latest`);
      return store(build(id, revision + 1, input, current.createdAt));
    },
    async submitAssessment(id, revision) {
      calls.push('submitAssessment');
      const a = get(id);
      if (a.revision !== revision) throw new ApiRequestError(409, 'stale-revision', `revision ${revision} is not the latest`);
      if (a.mode === 'digital' && !a.notClientMeeting && a.verdict.digital === 'not-allowed') {
        throw new ApiRequestError(422, 'not-allowed', 'a digital meeting that is not allowed cannot be submitted');
      }
      const required = a.verdict.coApproval.required && !a.notClientMeeting;
      return store({ ...a, status: required ? 'awaiting-approval' : 'ready', ...(required ? { approver: APPROVER } : {}), updatedAt: now() });
    },
    async withdrawAssessment(id) {
      calls.push('withdrawAssessment');
      return store({ ...get(id), status: 'withdrawn', updatedAt: now() });
    },
    async getAssessment(id) {
      calls.push('getAssessment');
      return clone(get(id));
    },
    async findAssessmentByMeeting(ref) {
      calls.push('findAssessmentByMeeting');
      const found = [...assessments.values()].find((a) =>
        (ref.eventId && a.meeting.eventId === ref.eventId) || (ref.joinUrlHash && a.meeting.joinUrlHash === ref.joinUrlHash));
      return found ? clone(found) : null;
    },
    async getAssessmentStatus(id) {
      calls.push('getAssessmentStatus');
      const a = get(id);
      return { id: a.id, revision: a.revision, status: a.status };
    },
    async listAssessments() {
      calls.push('listAssessments');
      return [...assessments.values()].map((a) => clone(a));
    },
    async decideAssessment(id, decision) {
      calls.push('decideAssessment');
      const a = get(id);
      return store({ ...a, status: decision.outcome, decision: { ...decision, by: APPROVER, at: now() }, updatedAt: now() });
    },
    decide(id, outcome, comment) {
      const a = get(id);
      return store({ ...a, status: outcome, decision: { outcome, by: APPROVER, at: now(), revision: a.revision, ...(comment ? { comment } : {}) } });
    },
  };
}
