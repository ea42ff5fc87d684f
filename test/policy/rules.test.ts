// DESIGN.md's evaluation rules, one table per rule. Each row: a request against the fixture policy and
// what the verdict must say. Dates are fixed, so nothing here depends on the clock.
import { EvaluationError, REASON_CODES, evaluate, type EvaluationRequest, type Verdict } from '../../src/policy';
import { DATE, fixturePolicy } from './fixture';

const policy = fixturePolicy();
const seenCodes = new Set<string>();

interface Row {
  rule: string;
  request: Partial<EvaluationRequest> & { meetingTypeId: string };
  digital: Verdict['digital'];
  reasons: string[];
  approvedServices?: string[];
  identity?: { required: boolean; serviceProvides?: boolean; methods?: string[] };
  coApproval?: boolean;
  deviation?: string | null;
  checklist?: string[];
}

function check(row: Row): Verdict {
  const verdict = evaluate(policy, { serviceId: null, needs: [], date: DATE, ...row.request });
  verdict.reasons.forEach((r) => seenCodes.add(r.code));
  expect(verdict.reasons.map((r) => r.code)).toEqual(row.reasons);
  expect(verdict.digital).toBe(row.digital);
  if (row.approvedServices) expect(verdict.approvedServices).toEqual(row.approvedServices);
  if (row.identity) expect(verdict.identityVerification).toMatchObject(row.identity);
  if (row.coApproval !== undefined) expect(verdict.coApproval.required).toBe(row.coApproval);
  if (row.deviation !== undefined) expect(verdict.deviation?.id ?? null).toBe(row.deviation);
  if (row.checklist) expect(verdict.checklist.map((c) => c.id)).toEqual(row.checklist);
  return verdict;
}

const table = (rows: Row[]) => rows.map((r) => [r.rule, r] as const);

describe('rules 1–2: some meetings are never digital', () => {
  it.each(table([
    { rule: 'a meeting type that is never digital is not allowed, whatever the service', request: { meetingTypeId: 'physical', serviceId: 'eid' }, digital: 'not-allowed', reasons: ['meeting-type-physical-only', 'service-not-approved', 'identity-required', 'co-approval-required'], approvedServices: [] },
    { rule: 'with no service chosen, it is still not allowed and no service is listed', request: { meetingTypeId: 'physical' }, digital: 'not-allowed', reasons: ['meeting-type-physical-only', 'identity-required', 'co-approval-required'], approvedServices: [], deviation: null },
    { rule: 'a need that calls for meeting in person blocks an otherwise approved service', request: { meetingTypeId: 'k2', serviceId: 'eid', needs: ['in-person'] }, digital: 'not-allowed', reasons: ['need-requires-physical', 'service-approved'], approvedServices: [] },
  ]))('%s', (_, row) => { check(row); });
});

describe('rule 3: no processor agreement, no use', () => {
  it.each(table([
    { rule: 'a service without a processor agreement is blocked even when approved for the level', request: { meetingTypeId: 'k2', serviceId: 'free' }, digital: 'not-allowed', reasons: ['no-processor-agreement', 'service-approved'], approvedServices: ['eid', 'org'] },
  ]))('%s', (_, row) => { check(row); });
});

describe('rule 4: an e-ID-gated service and a counterpart without e-ID', () => {
  it.each(table([
    { rule: 'the client cannot join a service that needs e-ID', request: { meetingTypeId: 'k2', serviceId: 'eid', needs: ['no-eid'] }, digital: 'not-allowed', reasons: ['service-requires-eid', 'service-approved'], approvedServices: ['org'], identity: { required: false } },
    { rule: 'without an identity requirement, no e-ID only rules out e-ID-gated services', request: { meetingTypeId: 'k2', serviceId: 'org', needs: ['no-eid'] }, digital: 'allowed', reasons: ['service-approved', 'risk-analysis-overdue'], approvedServices: ['org'] },
    { rule: 'with an identity requirement, no e-ID means identity cannot be verified digitally', request: { meetingTypeId: 'k2', serviceId: 'org', needs: ['new', 'no-eid'] }, digital: 'not-allowed', reasons: ['service-approved', 'risk-analysis-overdue', 'identity-required', 'verify-identity-separately', 'identity-cannot-be-verified'], approvedServices: [], identity: { required: true, serviceProvides: false } },
    { rule: 'an e-ID-gated service, no e-ID and an identity requirement: both blocks are given', request: { meetingTypeId: 'k2', serviceId: 'eid', needs: ['new', 'no-eid'] }, digital: 'not-allowed', reasons: ['service-requires-eid', 'service-approved', 'identity-required', 'identity-cannot-be-verified'], approvedServices: [], identity: { required: true, serviceProvides: true } },
  ]))('%s', (_, row) => { check(row); });
});

describe("rule 5: the service's standing for the meeting type", () => {
  it.each(table([
    { rule: 'approved outright when its approved level reaches the classification', request: { meetingTypeId: 'k3', serviceId: 'eid' }, digital: 'allowed', reasons: ['service-approved'], approvedServices: ['eid', 'org'], deviation: null, coApproval: false },
    { rule: 'several valid deviations: the one valid longest, then the smallest id', request: { meetingTypeId: 'k3', serviceId: 'org' }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'risk-analysis-overdue', 'co-approval-required'], deviation: 'dev-a', coApproval: true },
    { rule: 'a deviation applies on its decision day', request: { meetingTypeId: 'k3', serviceId: 'org', date: '2026-03-01' }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'co-approval-required'], deviation: 'dev-a' },
    { rule: 'before one deviation begins, another valid one is used', request: { meetingTypeId: 'k3', serviceId: 'org', date: '2026-02-15' }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'co-approval-required'], deviation: 'dev-b' },
    { rule: 'a deviation applies on its last valid day', request: { meetingTypeId: 'k3', serviceId: 'org', date: '2026-12-31' }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'risk-analysis-overdue', 'co-approval-required'], deviation: 'dev-a' },
    { rule: 'the day after every deviation has run out: expired, blocked, and no co-approval from a deviation', request: { meetingTypeId: 'k3', serviceId: 'org', date: '2027-01-01' }, digital: 'not-allowed', reasons: ['deviation-expired', 'risk-analysis-overdue'], deviation: null, coApproval: false },
    { rule: 'a deviation that has not begun yet', request: { meetingTypeId: 'k3', serviceId: 'eid4' }, digital: 'not-allowed', reasons: ['deviation-not-yet-valid'], deviation: null },
    { rule: 'the same deviation from its first day', request: { meetingTypeId: 'k3', serviceId: 'eid4', date: '2026-09-01' }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'co-approval-required'], deviation: 'dev-future' },
    { rule: 'an expired deviation for another pair', request: { meetingTypeId: 'k2', serviceId: 'eid4' }, digital: 'not-allowed', reasons: ['deviation-expired'] },
    { rule: 'not approved and no deviation for the pair', request: { meetingTypeId: 'k3-never-co', serviceId: 'eid4' }, digital: 'not-allowed', reasons: ['service-not-approved'] },
  ]))('%s', (_, row) => { check(row); });

  it('names the deviation it uses with its reference, expiry and conditions', () => {
    const v = evaluate(policy, { meetingTypeId: 'k3-never-co', serviceId: 'org', needs: [], date: DATE });
    expect(v.deviation).toEqual({ id: 'dev-b', reference: 'REF-B', validUntil: '2026-12-31', conditions: [{ sv: 'condition B (sv)', en: 'condition B (en)' }] });
    expect(v.reasons.find((r) => r.code === 'deviation-applies')!.text.sv).toContain('REF-B');
  });
});

describe('rule 6: an overdue risk analysis warns', () => {
  it.each(table([
    { rule: 'the review date has passed: a warning, the meeting is still allowed', request: { meetingTypeId: 'k2', serviceId: 'org' }, digital: 'allowed', reasons: ['service-approved', 'risk-analysis-overdue'] },
    { rule: 'on the review date itself it is not yet overdue', request: { meetingTypeId: 'k2', serviceId: 'org', date: '2026-06-01' }, digital: 'allowed', reasons: ['service-approved'] },
  ]))('%s', (_, row) => { check(row); });
});

describe('rule 7: identity verification', () => {
  it.each(table([
    { rule: 'a type that always requires it, on a service that does not sign participants in with e-ID', request: { meetingTypeId: 'always-id', serviceId: 'org' }, digital: 'allowed', reasons: ['service-approved', 'risk-analysis-overdue', 'identity-required', 'verify-identity-separately', 'co-approval-required'], identity: { required: true, serviceProvides: false, methods: ['bankid'] } },
    { rule: 'a service signing in at a higher level provides it', request: { meetingTypeId: 'always-id', serviceId: 'eid4' }, digital: 'allowed', reasons: ['service-approved', 'identity-required', 'co-approval-required'], identity: { required: true, serviceProvides: true } },
    { rule: 'when new or unclear: a need for it makes it required', request: { meetingTypeId: 'k2', serviceId: 'eid', needs: ['new'] }, digital: 'allowed', reasons: ['service-approved', 'identity-required'], identity: { required: true, serviceProvides: true } },
    { rule: 'when new or unclear: without such a need it is not required', request: { meetingTypeId: 'k2', serviceId: 'eid' }, digital: 'allowed', reasons: ['service-approved'], identity: { required: false, serviceProvides: true } },
    { rule: '"never" means never, whatever the needs', request: { meetingTypeId: 'k3-never-co', serviceId: 'eid', needs: ['new'] }, digital: 'allowed', reasons: ['service-approved'], identity: { required: false } },
    { rule: 'with no service chosen, no per-service warning is given', request: { meetingTypeId: 'always-id' }, digital: 'allowed', reasons: ['identity-required', 'co-approval-required'], identity: { required: true, serviceProvides: false } },
  ]))('%s', (_, row) => { check(row); });

  it('when no identity method reaches the required level, a required check blocks the digital meeting', () => {
    const strict = { ...fixturePolicy(), identityAssuranceRequired: 4 as const };
    const v = evaluate(strict, { meetingTypeId: 'always-id', serviceId: 'eid', needs: [], date: DATE });
    v.reasons.forEach((r) => seenCodes.add(r.code));
    expect(v.reasons.map((r) => r.code)).toEqual(['service-approved', 'identity-required', 'verify-identity-separately', 'identity-cannot-be-verified', 'co-approval-required']);
    expect(v.identityVerification).toEqual({ required: true, assurance: 4, methods: [], serviceProvides: false });
    expect(v.digital).toBe('not-allowed');
    expect(v.approvedServices).toEqual([]);
  });

  it('lists the methods at or above the required level', () => {
    const lenient = { ...fixturePolicy(), identityAssuranceRequired: 2 as const };
    expect(evaluate(lenient, { meetingTypeId: 'always-id', serviceId: null, needs: [], date: DATE }).identityVerification.methods).toEqual(['bankid', 'weak']);
  });
});

describe('rule 8: co-approval with the manager', () => {
  it.each(table([
    { rule: 'a type that always requires it', request: { meetingTypeId: 'always-id', serviceId: 'eid4' }, digital: 'allowed', reasons: ['service-approved', 'identity-required', 'co-approval-required'], coApproval: true },
    { rule: 'a deviation requires it unless the type says never', request: { meetingTypeId: 'k3-never-co', serviceId: 'org' }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'risk-analysis-overdue'], coApproval: false },
    { rule: "the individual's need requires it whatever the type says", request: { meetingTypeId: 'k3-never-co', serviceId: 'org', needs: ['child'] }, digital: 'allowed-with-deviation', reasons: ['deviation-applies', 'risk-analysis-overdue', 'co-approval-required'], coApproval: true },
    { rule: 'a deviation requires it even when something else blocks', request: { meetingTypeId: 'k3', serviceId: 'org', needs: ['in-person'] }, digital: 'not-allowed', reasons: ['need-requires-physical', 'deviation-applies', 'risk-analysis-overdue', 'co-approval-required'], coApproval: true },
    { rule: 'with no service chosen the deviation case does not arise', request: { meetingTypeId: 'k3' }, digital: 'allowed', reasons: [], coApproval: false },
  ]))('%s', (_, row) => { check(row); });
});

describe('rule 9: the checklist', () => {
  it.each(table([
    { rule: 'always items, type items and need items in policy order, each once', request: { meetingTypeId: 'k2', serviceId: 'eid', needs: ['child'] }, digital: 'allowed', reasons: ['service-approved', 'co-approval-required'], checklist: ['c-always', 'c-type', 'c-need', 'c-shared'] },
    { rule: 'only the always items for a type without items', request: { meetingTypeId: 'k3', serviceId: 'eid' }, digital: 'allowed', reasons: ['service-approved'], checklist: ['c-always'] },
    { rule: 'computed even when the digital meeting is not allowed', request: { meetingTypeId: 'physical', needs: ['child'] }, digital: 'not-allowed', reasons: ['meeting-type-physical-only', 'identity-required', 'co-approval-required'], checklist: ['c-always', 'c-need', 'c-shared'] },
    { rule: 'a need named twice counts once', request: { meetingTypeId: 'k2', serviceId: 'eid', needs: ['child', 'child'] }, digital: 'allowed', reasons: ['service-approved', 'co-approval-required'], checklist: ['c-always', 'c-type', 'c-need', 'c-shared'] },
  ]))('%s', (_, row) => { check(row); });

  it('carries each item with its text and who it concerns', () => {
    const v = evaluate(policy, { meetingTypeId: 'k2', serviceId: null, needs: [], date: DATE });
    expect(v.checklist[1]).toEqual({ id: 'c-type', text: { sv: 'type item (sv)', en: 'type item (en)' }, who: 'counterpart' });
  });
});

describe('rule 10: approved services, and no service chosen', () => {
  it.each(table([
    { rule: 'allowed when some service is allowed outright', request: { meetingTypeId: 'k3' }, digital: 'allowed', reasons: [], approvedServices: ['eid', 'org'], deviation: null },
    { rule: 'allowed with deviation when only deviations allow', request: { meetingTypeId: 'k3', needs: ['no-eid'] }, digital: 'allowed-with-deviation', reasons: [], approvedServices: ['org'], deviation: null },
    { rule: 'not allowed when no service is allowed', request: { meetingTypeId: 'k3', needs: ['no-eid'], date: '2027-01-02' }, digital: 'not-allowed', reasons: [], approvedServices: [] },
    { rule: 'a blocked identity check empties the list', request: { meetingTypeId: 'k2', needs: ['new', 'no-eid'] }, digital: 'not-allowed', reasons: ['identity-required', 'identity-cannot-be-verified'], approvedServices: [] },
    { rule: 'the list is given even when the chosen service is blocked', request: { meetingTypeId: 'k2', serviceId: 'free' }, digital: 'not-allowed', reasons: ['no-processor-agreement', 'service-approved'], approvedServices: ['eid', 'org'] },
  ]))('%s', (_, row) => { check(row); });
});

describe('requests the policy cannot answer are errors, never verdicts', () => {
  const base: EvaluationRequest = { meetingTypeId: 'k2', serviceId: null, needs: [], date: DATE };
  it.each([
    ['an unknown meeting type', { meetingTypeId: 'nope' }, 'meetingTypeId', 'nope'],
    ['an unknown service', { serviceId: 'nope' }, 'serviceId', 'nope'],
    ['an unknown need', { needs: ['new', 'nope'] }, 'needs[1]', 'nope'],
    ['a date that is not a calendar date', { date: '2026-02-30' }, 'date', undefined],
    ['needs that are not a list', { needs: 'new' as unknown as string[] }, 'needs', undefined],
  ])('%s names the field', (_, patch, field, id) => {
    let error: unknown;
    try { evaluate(policy, { ...base, ...patch }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(EvaluationError);
    expect((error as EvaluationError).field).toBe(field);
    expect((error as EvaluationError).id).toBe(id);
    if (id) expect((error as EvaluationError).message).toContain(id);
  });
});

describe('every reason', () => {
  it('has a severity, a source and a text in Swedish and English', () => {
    const v = evaluate(policy, { meetingTypeId: 'k2', serviceId: 'org', needs: ['new', 'no-eid', 'in-person', 'child'], date: DATE });
    expect(v.reasons.length).toBeGreaterThan(4);
    for (const r of v.reasons) {
      expect(['block', 'warning', 'info']).toContain(r.severity);
      expect(r.source).toMatch(/SKR 2020|GDPR|Datainspektionen/);
      expect(r.text.sv.length).toBeGreaterThan(10);
      expect(r.text.en.length).toBeGreaterThan(10);
      expect(r.text.sv).not.toBe(r.text.en);
      expect(r.text.sv + r.text.en).not.toMatch(/\{\w+\}/);
    }
  });

  afterAll(() => {
    // The closed list of codes: each one is shown by a row above.
    expect([...seenCodes].sort()).toEqual([...REASON_CODES].sort());
  });
});
