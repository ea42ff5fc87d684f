// The server's verdict for an assessment: always computed here with a published policy, never taken
// from the client.
import type { AssessmentInput } from '../../api/contract';
import { canonicalJson, EvaluationError, evaluate, evaluateSeries, stockholmDate, type CompiledPolicy, type Text, type Verdict } from '../../policy';
import { unprocessable } from '../errors';

/** The occurrence dates judged: the start, and the series' last occurrence. `from` drops dates already past. */
export function judgedDates(input: Pick<AssessmentInput, 'start' | 'seriesEnd'>, from?: string): string[] {
  const first = stockholmDate(input.start);
  const last = input.seriesEnd ? stockholmDate(input.seriesEnd) : first;
  const start = from && from > first && from <= last ? from : first;
  return start === last ? [start] : [start, last];
}

export function judge(compiled: CompiledPolicy, input: AssessmentInput, from?: string): Verdict {
  if (input.mode === 'digital' && input.serviceId === null) {
    throw unprocessable('service-required', 'A digital meeting needs a service: choose one (serviceId) or set mode to "physical".', [{ path: 'serviceId', message: 'required for mode "digital"' }]);
  }
  if (input.mode === 'physical' && input.serviceId !== null) {
    throw unprocessable('service-not-applicable', 'A physical meeting has no service: set serviceId to null.', [{ path: 'serviceId', message: 'must be null for mode "physical"' }]);
  }
  if (input.seriesEnd && Date.parse(input.seriesEnd) < Date.parse(input.start)) {
    throw unprocessable('series-end-before-start', 'The series ends before it starts: seriesEnd must not be earlier than start.', [{ path: 'seriesEnd', message: 'earlier than start' }]);
  }
  const request = { meetingTypeId: input.meetingTypeId, serviceId: input.serviceId, needs: input.needs };
  try {
    const dates = judgedDates(input, from);
    return dates.length === 1 ? evaluate(compiled, { ...request, date: dates[0]! }) : evaluateSeries(compiled, request, dates);
  } catch (err) {
    if (err instanceof EvaluationError) {
      throw unprocessable('unknown-id', `${err.message} — use an id from the published policy.`, [{ path: err.field, message: err.message }]);
    }
    throw err;
  }
}

/** Two verdicts say the same thing when they match apart from the policy version they name. */
export function sameVerdict(a: Verdict, b: Verdict): boolean {
  return canonicalJson({ ...a, policyVersion: '' }) === canonicalJson({ ...b, policyVersion: '' });
}

/** The short blocking reason the on-send handler shows, for a digital-mode check that is not allowed. */
export function blockingReason(mode: AssessmentInput['mode'], verdict: Verdict): Text | undefined {
  if (mode !== 'digital' || verdict.digital !== 'not-allowed') return undefined;
  return verdict.reasons.find((r) => r.severity === 'block')?.text;
}
