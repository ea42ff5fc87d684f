// Policy validation: every error with its JSON path, all at once; warnings apart from errors.
import { validatePolicy, type Policy } from '../../src/policy';
import { fixturePolicy } from './fixture';

type Mutate = (p: Policy & Record<string, unknown>) => void;

function errorsOf(mutate: Mutate) {
  const p = fixturePolicy() as Policy & Record<string, unknown>;
  mutate(p);
  const result = validatePolicy(p);
  expect(result.valid).toBe(false);
  expect(result.policy).toBeUndefined();
  return result.errors.map((e) => `${e.code} ${e.path}`);
}

function warningsOf(mutate: Mutate, today?: string) {
  const p = fixturePolicy() as Policy & Record<string, unknown>;
  mutate(p);
  const result = validatePolicy(p, today ? { today } : {});
  expect(result.errors).toEqual([]);
  return result.warnings.map((w) => `${w.code} ${w.path}`);
}

describe('a valid policy', () => {
  it('is accepted and returned typed, with its warnings apart', () => {
    const result = validatePolicy(fixturePolicy());
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.policy?.organization).toBe('Testkommun');
    expect(result.warnings.map((w) => w.code)).toEqual(['approved-without-processor-agreement']);
  });
});

describe('errors, each named by its JSON path', () => {
  it.each<[string, Mutate, string[]]>([
    ['a document that is not an object', () => undefined, []],
    ['a missing field', (p) => { delete (p as Partial<Policy>).organization; }, ['missing-field $.organization']],
    ['a wrong schema version', (p) => { (p as Record<string, unknown>).schemaVersion = 2; }, ['invalid-value $.schemaVersion']],
    ['an unknown field (a misspelling)', (p) => { (p.meetingTypes[0] as unknown as Record<string, unknown>).coAproval = 'always'; }, ['unknown-field $.meetingTypes[0]']],
    ['a level above 4', (p) => { p.meetingTypes[1]!.classification.confidentiality = 5 as never; }, ['out-of-range $.meetingTypes[1].classification.confidentiality']],
    ['a negative level', (p) => { p.services[0]!.approvedUpTo.confidentiality = -1 as never; }, ['out-of-range $.services[0].approvedUpTo.confidentiality']],
    ['a fractional level', (p) => { p.meetingTypes[0]!.classification.integrity = 1.5 as never; }, ['invalid $.meetingTypes[0].classification.integrity']],
    ['an enum value outside the contract', (p) => { p.services[1]!.security.participantAuthentication = 'password' as never; }, ['invalid-value $.services[1].security.participantAuthentication']],
    ['a duplicate meeting type id', (p) => { p.meetingTypes[2]!.id = 'k2'; }, expect.arrayContaining(['duplicate-id $.meetingTypes[2].id']) as unknown as string[]],
    ['a duplicate checklist id', (p) => { p.checklist[3]!.id = 'c-need'; }, expect.arrayContaining(['duplicate-id $.checklist[3].id']) as unknown as string[]],
    ['a deviation for an unknown service', (p) => { p.deviations[0]!.serviceId = 'ghost'; }, ['unknown-reference $.deviations[0].serviceId']],
    ['a deviation for an unknown meeting type', (p) => { p.deviations[1]!.meetingTypeIds = ['k3', 'ghost']; }, ['unknown-reference $.deviations[1].meetingTypeIds[1]']],
    ['a meeting type naming an unknown checklist item', (p) => { p.meetingTypes[0]!.checklist = ['c-type', 'ghost']; }, ['unknown-reference $.meetingTypes[0].checklist[1]']],
    ['a need naming an unknown checklist item', (p) => { p.needs[3]!.effects.checklist = ['ghost']; }, ['unknown-reference $.needs[3].effects.checklist[0]']],
    ['a date that does not parse', (p) => { p.services[0]!.riskAnalysis.date = '2026-13-01'; }, ['invalid-date $.services[0].riskAnalysis.date']],
    ['a date in another form', (p) => { p.deviations[0]!.decision.decidedOn = '1/1/2026'; }, ['invalid-date $.deviations[0].decision.decidedOn']],
    ['a review date before the analysis', (p) => { p.services[0]!.riskAnalysis.reviewBy = '2025-12-31'; }, ['date-order $.services[0].riskAnalysis.reviewBy']],
    ['a deviation that ends before it is decided', (p) => { p.deviations[0]!.decision.validUntil = '2025-12-31'; }, ['date-order $.deviations[0].decision.validUntil']],
    ['a deviation for a meeting type that is never digital', (p) => { p.deviations[0]!.meetingTypeIds = ['physical']; }, ['deviation-for-physical-only-type $.deviations[0].meetingTypeIds[0]']],
  ])('%s', (name, mutate, expected) => {
    if (name === 'a document that is not an object') {
      for (const doc of [null, 42, 'policy', []]) {
        const r = validatePolicy(doc);
        expect(r.valid).toBe(false);
        expect(r.errors.length).toBeGreaterThan(0);
        expect(r.errors[0]!.path).toBe('$');
      }
      return;
    }
    expect(errorsOf(mutate)).toEqual(expected);
  });

  it('lists every error at once, not only the first', () => {
    const errors = errorsOf((p) => {
      p.services[0]!.riskAnalysis.date = 'soon';
      p.deviations[0]!.serviceId = 'ghost';
      p.meetingTypes[0]!.classification.availability = 9 as never;
      p.needs[0]!.id = 'child';
    });
    expect(errors).toEqual(expect.arrayContaining([
      'invalid-date $.services[0].riskAnalysis.date',
      'unknown-reference $.deviations[0].serviceId',
      'out-of-range $.meetingTypes[0].classification.availability',
      'duplicate-id $.needs[3].id',
    ]));
    expect(errors).toHaveLength(4);
  });

  it('says what to fix', () => {
    const result = validatePolicy({ ...fixturePolicy(), deviations: [{ ...fixturePolicy().deviations[0]!, serviceId: 'ghost' }] });
    expect(result.errors[0]!.message).toBe('"ghost" is not an id in services');
  });
});

describe('warnings do not block publishing', () => {
  it.each<[string, Mutate, string | undefined, string]>([
    ['a type without personal data classified K2 or above', (p) => { p.meetingTypes[0]!.information.personalData = false; }, undefined, 'classified-without-personal-data $.meetingTypes[0].classification.confidentiality'],
    ['a service approved above K0 without a processor agreement', () => undefined, undefined, 'approved-without-processor-agreement $.services[2].approvedUpTo.confidentiality'],
    ['a risk analysis already overdue', () => undefined, '2026-06-15', 'risk-analysis-overdue $.services[1].riskAnalysis.reviewBy'],
    ['a service without meeting link patterns', (p) => { delete p.services[0]!.meetingLinkPatterns; }, undefined, 'no-meeting-link-patterns $.services[0].meetingLinkPatterns'],
    ['a required assurance above every identity method', (p) => { p.identityAssuranceRequired = 4; }, undefined, 'assurance-unreachable $.identityAssuranceRequired'],
    ['an example policy', (p) => { p.example = true; }, undefined, 'example-policy $.example'],
  ])('%s', (_, mutate, today, expected) => {
    expect(warningsOf(mutate, today)).toContain(expected);
  });

  it('does not warn about overdue reviews without a date to compare with', () => {
    expect(warningsOf(() => undefined).some((w) => w.startsWith('risk-analysis-overdue'))).toBe(false);
  });
});
