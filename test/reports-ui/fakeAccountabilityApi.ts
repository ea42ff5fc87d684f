// An honest in-memory stand-in for the accountability API, for the component tests: the incident
// register uses the server's own pure rules (src/server/incidents/model.ts: deadline, transitions) and
// the same identity-number detector, refusing free text with a 422 that names the field; every change
// is appended to an audit log the browser can filter; reports, reminders and records are fixed data
// with known numbers. Who asks is `user`; the calls are logged.
import { findPersonalIdentityNumber } from '../../src/policy/personalIdentityNumber';
import { deadlineView, notificationDeadline, transitionProblem, TRANSITIONS } from '../../src/server/incidents/model';
import { ApiRequestError } from '../../src/web/shared/api';
import type { AccountabilityApi, DownloadedFile } from '../../src/web/teams/reports/api';
import type {
  AuditEvent, ChainVerification, Incident, IncidentInput, IncidentStatus, Period, ReportBundle, ReportName,
} from '../../src/web/teams/reports/types';

export const AUDITOR = 'd0000000-0000-4000-8000-000000000401';
export const CASEWORKER = 'd0000000-0000-4000-8000-000000000101';
export const ASSESSMENT = '3f1c2a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c';

export const REMINDERS = [
  { kind: 'risk-analysis-review' as const, id: 'zoom-kommun', serviceId: 'zoom-kommun', reference: 'RA-2025-07', dueDate: '2026-02-20', state: 'overdue' as const, daysLeft: -10 },
  { kind: 'deviation-expiry' as const, id: 'avvikelse-teams-utredning', serviceId: 'microsoft-teams', reference: 'KS 2025/118', dueDate: '2026-03-20', state: 'expiring' as const, daysLeft: 18 },
];

/** The seeded reports: every number the tests read follows from these rows. */
export function seededBundle(period: Period): ReportBundle {
  return {
    period, today: '2026-03-02', generatedAt: '2026-03-02T12:00:00.000Z',
    reports: {
      'assessments-by-month': [
        { month: '2026-01', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', mode: 'digital', outcome: 'allowed', assessments: 4, notClientMeeting: 0 },
        { month: '2026-01', meetingTypeId: 'skyddsbedomning-barn', serviceId: null, mode: 'physical', outcome: 'not-allowed', assessments: 2, notClientMeeting: 0 },
        { month: '2026-02', meetingTypeId: 'uppfoljningssamtal', serviceId: 'microsoft-teams', mode: 'digital', outcome: 'allowed', assessments: 3, notClientMeeting: 1 },
        { month: '2026-02', meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'microsoft-teams', mode: 'digital', outcome: 'allowed-with-deviation', assessments: 5, notClientMeeting: 0 },
      ],
      'mode-share': [
        { month: '2026-01', physical: 2, digital: 4, total: 6, digitalShare: 0.667 },
        { month: '2026-02', physical: 0, digital: 8, total: 8, digitalShare: 1 },
        { month: 'total', physical: 2, digital: 12, total: 14, digitalShare: 0.857 },
      ],
      deviations: [
        { deviationId: 'avvikelse-teams-utredning', reference: 'KS 2025/118', assessments: 5, meetingTypes: 'utredningssamtal-vuxen', firstMeeting: '2026-02-03', lastMeeting: '2026-02-27' },
      ],
      'co-approval': [
        { month: '2026-02', decisions: 5, approved: 4, rejected: 1, medianHours: 2.5, p90Hours: 9.2 },
        { month: 'total', decisions: 5, approved: 4, rejected: 1, medianHours: 2.5, p90Hours: 9.2 },
      ],
      incidents: [
        { category: 'moteslanken-spreds', status: 'oppen', incidents: 2, mustNotify: 2, notifiedLate: 0, overdue: 1 },
        { category: 'inspelning-gjordes', status: 'atgardad', incidents: 1, mustNotify: 0, notifiedLate: 0, overdue: 0 },
      ],
      reminders: REMINDERS,
      'unchecked-meetings': [
        { userId: CASEWORKER, eventId: 'AAMkAD-evt-1', start: '2026-03-04T08:00:00.000Z', problem: 'no-check', assessmentId: null, foundAt: '2026-03-02T06:00:00.000Z' },
      ],
    },
  };
}

export interface FakeAccountabilityApi extends AccountabilityApi {
  user: 'auditor' | 'caseworker';
  readonly calls: string[];
  readonly incidents: Map<string, Incident>;
  readonly audit: AuditEvent[];
  chain: ChainVerification;
  /** The period the last report call asked for. */
  lastPeriod: Partial<Period> | undefined;
}

export function createFakeAccountabilityApi(options: { user?: 'auditor' | 'caseworker'; now: () => number }): FakeAccountabilityApi {
  const calls: string[] = [];
  const incidents = new Map<string, Incident>();
  const audit: AuditEvent[] = [];
  let n = 0;
  const oid = () => (api.user === 'auditor' ? AUDITOR : CASEWORKER);
  const now = () => new Date(options.now());
  const record = (action: string, entityId: string) => {
    const seq = audit.length + 1;
    audit.push({ seq, at: now().toISOString(), actor: oid(), action, entityType: 'incident', entityId, stateDigest: `sha256:${'d'.repeat(64)}`, hash: `sha256:${String(seq).padStart(64, 'a')}` });
  };
  const refusePin = (body: Record<string, unknown>) => {
    for (const field of ['description', 'effects', 'correctiveActions', 'imyReference', 'delayReason']) {
      const text = body[field];
      if (typeof text === 'string' && findPersonalIdentityNumber(text)) {
        throw new ApiRequestError(422, 'personal-identity-number', `The field "${field}" contains what looks like a personal identity or coordination number: remove it.`, [{ path: field, message: 'contains a personal identity number' }]);
      }
    }
  };
  const view = (i: Omit<Incident, 'notification' | 'allowedTransitions'>): Incident => ({
    ...i,
    notification: deadlineView({ status: i.status, mustNotifyImy: i.mustNotifyImy, correctiveActions: i.correctiveActions, notificationDeadline: notificationDeadline(new Date(i.discoveredAt)), imyNotifiedAt: i.imyNotifiedAt ? new Date(i.imyNotifiedAt) : null }, now()),
    allowedTransitions: [...TRANSITIONS[i.status]],
  });
  const load = (id: string, revision?: number) => {
    const found = incidents.get(id);
    if (!found) throw new ApiRequestError(404, 'not-found', 'The incident does not exist.');
    if (revision !== undefined && found.revision !== revision) throw new ApiRequestError(409, 'stale-revision', `now revision ${found.revision}`);
    return found;
  };
  const file = (name: string, text: string, type: string): DownloadedFile => ({ filename: name, blob: new Blob([text], { type }) });

  const api: FakeAccountabilityApi = {
    user: options.user ?? 'auditor',
    calls, incidents, audit,
    chain: { ok: true, events: 0, head: 'sha256:0' },
    lastPeriod: undefined,
    async reports(period) {
      calls.push(`reports ${period?.from ?? ''}..${period?.to ?? ''}`);
      api.lastPeriod = period;
      if (api.user !== 'auditor') throw new ApiRequestError(403, 'forbidden', 'Needs the Auditor role.');
      return seededBundle({ from: period?.from ?? '2025-04', to: period?.to ?? '2026-03' });
    },
    async downloadReport(name: ReportName, format, period) {
      calls.push(`download ${name} ${format} ${period.from}..${period.to}`);
      const rows = seededBundle(period).reports[name];
      return format === 'csv'
        ? file(`motescheck-${name}-${period.from}-${period.to}.csv`, `\uFEFF${Object.keys(rows[0] ?? {}).join(',')}\r\n`, 'text/csv')
        : file(`motescheck-${name}-${period.from}-${period.to}.json`, JSON.stringify({ report: name, rows }), 'application/json');
    },
    async reviewReminders() {
      calls.push('reminders');
      return { today: '2026-03-02', reminders: REMINDERS };
    },
    async auditEvents(filter) {
      calls.push(`audit ${JSON.stringify(filter)}`);
      return audit
        .filter((e) => (!filter.entity || e.entityId === filter.entity) && (!filter.actor || e.actor === filter.actor)
          && (!filter.from || e.at >= filter.from) && (!filter.to || e.at <= filter.to))
        .sort((a, b) => b.seq - a.seq).slice(0, filter.limit ?? 200);
    },
    async verifyAudit() {
      calls.push('verify');
      return api.chain.ok ? { ...api.chain, events: audit.length } : api.chain;
    },
    async record(id, lang) {
      calls.push(`record ${id} ${lang}`);
      return file(`motescheck-kontroll-${id}.html`, `<!doctype html><html lang="${lang}"><title>${id}</title></html>`, 'text/html');
    },
    async listIncidents(scope, status) {
      calls.push(`incidents ${scope} ${status ?? ''}`);
      if (scope === 'all' && api.user !== 'auditor') throw new ApiRequestError(403, 'forbidden', 'Listing every incident needs the Auditor role.');
      return [...incidents.values()]
        .filter((i) => (scope === 'all' || i.reportedBy === oid()) && (!status || i.status === status))
        .sort((a, b) => b.discoveredAt.localeCompare(a.discoveredAt))
        .map((i) => view(i));
    },
    async getIncident(id) {
      return view(load(id));
    },
    async createIncident(input: IncidentInput) {
      calls.push(`create ${JSON.stringify(input)}`);
      refusePin(input as unknown as Record<string, unknown>);
      if (Date.parse(input.discoveredAt) < Date.parse(input.occurredAt)) {
        throw new ApiRequestError(422, 'discovered-before-occurred', 'The incident was discovered before it happened: check both times.', [{ path: 'discoveredAt', message: 'earlier than occurredAt' }]);
      }
      const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      const at = now().toISOString();
      const created = view({
        id, revision: 1, assessmentId: input.assessmentId ?? null, category: input.category, occurredAt: input.occurredAt, discoveredAt: input.discoveredAt,
        description: input.description, effects: input.effects ?? '', correctiveActions: input.correctiveActions ?? '', mustNotifyImy: input.mustNotifyImy,
        imyNotifiedAt: null, imyReference: null, delayReason: null, status: 'oppen', reportedBy: oid(), createdAt: at, updatedAt: at, closedAt: null,
      });
      incidents.set(id, created);
      record('incident.create', id);
      return created;
    },
    async updateIncident(id, patch) {
      calls.push(`update ${id} ${JSON.stringify(patch)}`);
      refusePin(patch as unknown as Record<string, unknown>);
      const current = load(id, patch.revision);
      const { revision: _revision, ...fields } = patch;
      const next = view({ ...current, ...fields, assessmentId: fields.assessmentId === undefined ? current.assessmentId : fields.assessmentId ?? null, revision: current.revision + 1, updatedAt: now().toISOString() });
      incidents.set(id, next);
      record('incident.update', id);
      return next;
    },
    async setIncidentStatus(id, change) {
      calls.push(`status ${id} ${change.status}`);
      refusePin(change as unknown as Record<string, unknown>);
      if ((change.status === 'anmald' || change.status === 'avslutad') && api.user !== 'auditor') {
        throw new ApiRequestError(403, 'forbidden', 'Notifying IMY and closing an incident are for the data-protection officer (Auditor role).');
      }
      const current = load(id, change.revision);
      const problem = transitionProblem(
        { status: current.status, mustNotifyImy: current.mustNotifyImy, correctiveActions: current.correctiveActions, notificationDeadline: notificationDeadline(new Date(current.discoveredAt)), imyNotifiedAt: current.imyNotifiedAt ? new Date(current.imyNotifiedAt) : null },
        { to: change.status, ...(change.imyNotifiedAt ? { imyNotifiedAt: new Date(change.imyNotifiedAt) } : {}), ...(change.delayReason ? { delayReason: change.delayReason } : {}) },
        now(),
      );
      if (problem) {
        if (problem.code === 'transition-not-allowed' || problem.code === 'notification-required') throw new ApiRequestError(409, problem.code, problem.message);
        throw new ApiRequestError(422, problem.code, problem.message, [{ path: problem.field, message: problem.message }]);
      }
      const status: IncidentStatus = change.status;
      const next = view({
        ...current, status, revision: current.revision + 1, updatedAt: now().toISOString(),
        ...(status === 'anmald' ? { imyNotifiedAt: change.imyNotifiedAt ?? null, imyReference: change.imyReference ?? null, delayReason: change.delayReason ?? null } : {}),
        closedAt: status === 'avslutad' ? now().toISOString() : null,
      });
      incidents.set(id, next);
      record('incident.status', id);
      return next;
    },
  };
  return api;
}
