// The example policy: valid, deterministic for a given day, and showing what a demo needs.
import { REASON_CODES, evaluate, examplePolicy, validatePolicy } from '../../src/policy';

const TODAY = '2026-11-23';
const policy = examplePolicy(TODAY);

describe('the example policy', () => {
  it('is valid, and warns only that it is an example and that one review is overdue', () => {
    const result = validatePolicy(policy, { today: TODAY });
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['example-policy', 'risk-analysis-overdue']);
  });

  it('is the same document for the same day, and moves its dates with the day', () => {
    expect(examplePolicy(TODAY)).toEqual(policy);
    expect(JSON.stringify(examplePolicy('2027-05-01'))).not.toBe(JSON.stringify(policy));
    for (const today of ['2026-01-01', '2027-02-28', '2030-12-31']) {
      const result = validatePolicy(examplePolicy(today), { today });
      expect(result.valid).toBe(true);
      expect(result.warnings.filter((w) => w.code === 'risk-analysis-overdue')).toHaveLength(1);
    }
  });

  it('has exactly one deviation valid today', () => {
    const valid = policy.deviations.filter((d) => d.decision.decidedOn <= TODAY && TODAY <= d.decision.validUntil);
    expect(valid).toHaveLength(1);
    expect(valid[0]!.conditions!.length).toBeGreaterThan(0);
  });

  it("covers SKR's meeting types, needs and checklist", () => {
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
    expect(ids(policy.meetingTypes)).toEqual(expect.arrayContaining([
      'utredningssamtal-vuxen', 'utredningssamtal-barn', 'utredningssamtal-vardnadshavare', 'uppfoljningssamtal',
      'uppfoljning-sarskilt-boende', 'uppfoljning-placering', 'samverkansmote', 'skyddsbedomning-barn', 'informationsmote',
    ]));
    expect(policy.needs).toHaveLength(9);
    expect(policy.checklist).toHaveLength(10);
    expect(ids(policy.identityMethods)).toEqual(['bankid', 'freja-eid-plus', 'siths']);
    expect(policy.meetingTypes.find((t) => t.id === 'skyddsbedomning-barn')!.digital).toBe('never');
  });

  it.each([
    ['a child-protection assessment is never digital', { meetingTypeId: 'skyddsbedomning-barn', serviceId: 'eid-videotjanst', needs: [] }, 'not-allowed'],
    ['an adult interview on the e-ID service is allowed', { meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'eid-videotjanst', needs: ['ny-motpart'] }, 'allowed'],
    ['an adult interview on Teams is allowed through the deviation', { meetingTypeId: 'utredningssamtal-vuxen', serviceId: 'microsoft-teams', needs: [] }, 'allowed-with-deviation'],
    ['a child interview on Teams has no deviation', { meetingTypeId: 'utredningssamtal-barn', serviceId: 'microsoft-teams', needs: [] }, 'not-allowed'],
    ['the free consumer service is never allowed', { meetingTypeId: 'informationsmote', serviceId: 'gratis-videotjanst', needs: [] }, 'not-allowed'],
    ['an information meeting on Teams is allowed', { meetingTypeId: 'informationsmote', serviceId: 'microsoft-teams', needs: [] }, 'allowed'],
    ['risk of being overheard at home means meeting in person', { meetingTypeId: 'uppfoljningssamtal', serviceId: 'eid-videotjanst', needs: ['risk-i-hemmet'] }, 'not-allowed'],
  ])('%s', (_, request, digital) => {
    expect(evaluate(policy, { ...request, date: TODAY }).digital).toBe(digital);
  });

  it('gives reasons only from the closed list', () => {
    for (const type of policy.meetingTypes) {
      for (const service of [null, ...policy.services.map((s) => s.id)]) {
        const v = evaluate(policy, { meetingTypeId: type.id, serviceId: service, needs: policy.needs.map((n) => n.id), date: TODAY });
        for (const r of v.reasons) expect(REASON_CODES).toContain(r.code);
      }
    }
  });
});
