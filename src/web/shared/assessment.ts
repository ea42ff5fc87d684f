// What the assessment form holds, and the pure steps around it: the live preview verdict (the same
// evaluate the server runs; the server's verdict is authoritative after submit), whether the check
// may be submitted, and the AssessmentInput sent to the server — ids and categories only.
import type { Assessment, AssessmentInput, AssessmentMode, MeetingReference } from '../../api/contract';
import { stockholmDate } from '../../policy/dates';
import { evaluate, evaluateSeries } from '../../policy/evaluate';
import type { Policy, Verdict } from '../../policy/types';

export interface AssessmentFormValue {
  mode: AssessmentMode;
  meetingTypeId: string | null;
  serviceId: string | null;
  needs: string[];
  notClientMeeting: boolean;
}

export const EMPTY_FORM: AssessmentFormValue = {
  mode: 'digital', meetingTypeId: null, serviceId: null, needs: [], notClientMeeting: false,
};

/** When the meeting happens: the start, or a series' first and last occurrence. */
export interface MeetingTimes {
  start: string | null;
  seriesEnd?: string | null;
}

export function formFromAssessment(a: Assessment): AssessmentFormValue {
  return {
    mode: a.mode,
    meetingTypeId: a.meetingTypeId,
    serviceId: a.serviceId,
    needs: [...a.needs],
    notClientMeeting: a.notClientMeeting === true,
  };
}

/** The service the verdict is asked about: none for an in-person meeting. */
function evaluatedServiceId(form: AssessmentFormValue): string | null {
  return form.mode === 'digital' ? form.serviceId : null;
}

/**
 * The preview verdict, or null while there is nothing to judge (no type, no start, or not a client
 * meeting). Ids the policy does not know (a stale form after a new policy) are dropped, not thrown.
 */
export function previewVerdict(policy: Policy, form: AssessmentFormValue, times: MeetingTimes): Verdict | null {
  if (form.notClientMeeting || !form.meetingTypeId || !times.start) return null;
  if (!policy.meetingTypes.some((t) => t.id === form.meetingTypeId)) return null;
  const serviceId = evaluatedServiceId(form);
  const request = {
    meetingTypeId: form.meetingTypeId,
    serviceId: serviceId && policy.services.some((s) => s.id === serviceId) ? serviceId : null,
    needs: form.needs.filter((id) => policy.needs.some((n) => n.id === id)),
  };
  const first = stockholmDate(times.start);
  if (times.seriesEnd) return evaluateSeries(policy, request, [first, stockholmDate(times.seriesEnd)]);
  return evaluate(policy, { ...request, date: first });
}

export type SubmitBlocker = 'no-start' | 'no-type' | 'no-service' | 'not-allowed';

/** Why the check cannot be submitted yet, or null when it can. */
export function submitBlocker(form: AssessmentFormValue, times: MeetingTimes, verdict: Verdict | null): SubmitBlocker | null {
  if (!times.start) return 'no-start';
  if (form.notClientMeeting) return null;
  if (!form.meetingTypeId || !verdict) return 'no-type';
  if (form.mode === 'physical') return null;
  if (!form.serviceId) return 'no-service';
  return verdict.digital === 'not-allowed' ? 'not-allowed' : null;
}

export function toAssessmentInput(form: AssessmentFormValue, times: MeetingTimes, meeting: MeetingReference): AssessmentInput {
  if (!times.start) throw new Error('a meeting without a start time cannot be assessed');
  const input: AssessmentInput = {
    meeting,
    start: times.start,
    mode: form.mode,
    // A meeting the check does not concern still names a type for the record: the form's, if any.
    meetingTypeId: form.meetingTypeId ?? '',
    serviceId: evaluatedServiceId(form),
    needs: [...form.needs].sort(),
  };
  if (times.seriesEnd) input.seriesEnd = times.seriesEnd;
  if (form.notClientMeeting) input.notClientMeeting = true;
  return input;
}

/** True when what the assessment was judged on differs from the input: submitting makes a new revision. */
export function differsFromAssessment(a: Assessment, input: AssessmentInput): boolean {
  const sameNeeds = [...a.needs].sort().join('\n') === [...input.needs].sort().join('\n');
  return !(sameNeeds
    && a.mode === input.mode
    && a.meetingTypeId === input.meetingTypeId
    && a.serviceId === input.serviceId
    && sameInstant(a.start, input.start)
    && sameInstant(a.seriesEnd, input.seriesEnd)
    && (a.notClientMeeting === true) === (input.notClientMeeting === true));
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return !a && !b;
  return Date.parse(a) === Date.parse(b);
}
