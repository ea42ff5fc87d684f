// Assessments judged by the example policy, as the server stores them: ids and categories only. The
// staff names are made up; no client appears anywhere. Values that must never reach a card (the
// organizer's oid, meeting references, confirmations, identity checks, need ids) are distinctive so
// the privacy test can look for them.
import type { Assessment, Decision, ReminderRow } from '../../src/api/contract';
import type { UncheckedMeetingCardInput } from '../../src/cards';
import { evaluate, examplePolicy, stockholmDate, type Policy } from '../../src/policy';

export const TODAY = '2026-06-01';
export const POLICY = examplePolicy(TODAY);
/** 10:00 in Stockholm (summer time). */
export const START = '2026-06-16T08:00:00Z';
export const NOW = '2026-06-10T07:30:00Z';

export const NAMES = { caseworker: 'Kim Exempelsson', approver: 'Alex Chefsdotter', standIn: 'Robin Ersättare' };
export const APPROVER_USER_IDS = ['29:1fake-approver-mri'];

export const SECRETS = {
  organizer: '00000000-feed-4bad-8bad-0rganizer001',
  eventId: 'AAMkAGSECRETEVENTID=',
  joinUrlHash: 'sha256:5ecre7000000000000000000000000000000000000000000000000000000000',
  teamsMeetingId: '19:meeting_SECRETMEETINGID@thread.v2',
  confirmedBy: '00000000-feed-4bad-8bad-c0nfirmer001',
};

export function makeAssessment(over: Partial<Assessment> & { policy?: Policy } = {}): Assessment {
  const policy = over.policy ?? POLICY;
  const meetingTypeId = over.meetingTypeId ?? 'utredningssamtal-vuxen';
  const mode = over.mode ?? 'digital';
  const serviceId = over.serviceId !== undefined ? over.serviceId : mode === 'digital' ? 'microsoft-teams' : null;
  const needs = over.needs ?? ['ny-motpart'];
  const start = over.start ?? START;
  const verdict = evaluate(policy, { meetingTypeId, serviceId, needs, date: stockholmDate(start) });
  const { policy: _policy, ...rest } = over;
  return {
    id: 'asmt-0001',
    revision: 2,
    status: 'awaiting-approval',
    organizer: SECRETS.organizer,
    approver: '00000000-feed-4bad-8bad-appr0ver0001',
    meeting: { eventId: SECRETS.eventId, joinUrlHash: SECRETS.joinUrlHash, teamsMeetingId: SECRETS.teamsMeetingId },
    start,
    mode,
    meetingTypeId,
    serviceId,
    needs,
    verdict,
    policyVersion: verdict.policyVersion,
    policyNumber: 4,
    createdAt: '2026-06-09T12:00:00Z',
    updatedAt: '2026-06-09T12:05:00Z',
    checklistConfirmations: [{ itemId: 'horlurar', confirmedAt: '2026-06-09T12:01:00Z', by: SECRETS.confirmedBy }],
    identityChecks: [],
    ...rest,
  };
}

export function decided(outcome: Decision['outcome'], comment?: string, over: Partial<Assessment> & { policy?: Policy } = {}): Assessment {
  return makeAssessment({
    status: outcome,
    decision: { outcome, by: '00000000-feed-4bad-8bad-standin00001', at: '2026-06-10T13:45:00Z', revision: 2, ...(comment ? { comment } : {}) },
    ...over,
  });
}

/** Text from records that a Markdown processor, a host date function or a template engine would act on. */
export const HOSTILE = {
  markdown: '**fet** _kursiv_ [klicka här](https://evil.example/phish)',
  list: '1. första\n- punkt',
  date: '{{DATE(2026-06-16T08:00:00Z, SHORT)}}',
  template: '${$root.secret}',
  html: '<b>html</b><script>alert(1)</script>',
};
export const HOSTILE_TEXT = Object.values(HOSTILE).join(' ');

/** The example policy with every label, reference and condition the card shows replaced by hostile text. */
export function hostilePolicy(): Policy {
  const p = examplePolicy(TODAY);
  const t = (s: string) => ({ sv: `${s} sv ${HOSTILE_TEXT}`, en: `${s} en ${HOSTILE_TEXT}` });
  return {
    ...p,
    meetingTypes: p.meetingTypes.map((m) => ({ ...m, label: t(m.id) })),
    services: p.services.map((s) => ({ ...s, label: `${s.id} ${HOSTILE_TEXT}` })),
    checklist: p.checklist.map((c) => ({ ...c, text: t(c.id) })),
    identityMethods: p.identityMethods.map((m) => ({ ...m, label: t(m.id) })),
    deviations: p.deviations.map((d) => ({
      ...d,
      decision: { ...d.decision, reference: `SN ${HOSTILE_TEXT}` },
      conditions: [t('villkor')],
    })),
  };
}

/**
 * Review reminders as the server derives them from the published policy (ids, service ids, references
 * and dates from the example policy; the dates as if today were 13 October 2026).
 */
export const REMINDERS: ReminderRow[] = [
  { kind: 'risk-analysis-review', id: 'microsoft-teams', serviceId: 'microsoft-teams', reference: 'RA-2025-11 (exempel)', dueDate: '2026-10-01', state: 'overdue', daysLeft: -12 },
  { kind: 'deviation-expiry', id: 'avsteg-teams-utredning', serviceId: 'microsoft-teams', reference: 'SN 2026/117 (exempel)', dueDate: '2026-10-14', state: 'expiring', daysLeft: 1 },
  { kind: 'risk-analysis-review', id: 'eid-videotjanst', serviceId: 'eid-videotjanst', reference: 'RA-2026-04 (exempel)', dueDate: '2026-10-25', state: 'due-soon', daysLeft: 12 },
];
export const SETTINGS_URL = 'https://teams.microsoft.com/l/entity/00000000-app0-4bad-8bad-000000000001/installningar';

/** What the second line of control found: the event id is one that must never reach a card. */
export const FINDING: UncheckedMeetingCardInput['finding'] = { eventId: SECRETS.eventId, start: START, problem: 'no-check', assessmentId: null };
/** A Graph event.webLink (made up; not the secret event id). */
export const EVENT_URL = 'https://outlook.office365.com/owa/?itemid=AAMkAGWEBLINK%3D&exvsurl=1&path=/calendar/item';
