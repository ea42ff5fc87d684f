// Rule 11 and the evaluator's invariants, checked on generated policies and requests.
import fc from 'fast-check';
import { evaluate, policyVersion, validatePolicy, type Verdict } from '../../src/policy';
import { scenarioArb } from './arbitraries';

const RUNS = { numRuns: 1000 };
const rank: Record<Verdict['digital'], number> = { 'not-allowed': 0, 'allowed-with-deviation': 1, allowed: 2 };

describe('rule 11: adding a need never relaxes the verdict', () => {
  it('never turns not-allowed into allowed, never adds a service, never drops a requirement or checklist item', () => {
    fc.assert(fc.property(scenarioArb, ({ policy, request, extraNeed }) => {
      fc.pre(extraNeed !== null && !request.needs.includes(extraNeed));
      const before = evaluate(policy, request);
      const after = evaluate(policy, { ...request, needs: [...request.needs, extraNeed!] });
      expect(rank[after.digital]).toBeLessThanOrEqual(rank[before.digital]);
      for (const s of after.approvedServices) expect(before.approvedServices).toContain(s);
      if (before.identityVerification.required) expect(after.identityVerification.required).toBe(true);
      if (before.coApproval.required) expect(after.coApproval.required).toBe(true);
      const afterItems = new Set(after.checklist.map((c) => c.id));
      for (const c of before.checklist) expect(afterItems.has(c.id)).toBe(true);
      const afterBlocks = new Set(after.reasons.filter((r) => r.severity === 'block').map((r) => r.code));
      for (const r of before.reasons) if (r.severity === 'block') expect(afterBlocks.has(r.code)).toBe(true);
    }), RUNS);
  });
});

describe('determinism', () => {
  it('the same policy, request and date give the same verdict, whatever the key order of the document', () => {
    fc.assert(fc.property(scenarioArb, ({ policy, request }) => {
      const reordered = reverseKeys(policy) as typeof policy;
      const a = evaluate(policy, request);
      const b = evaluate(structuredClone(policy), { ...request });
      const c = evaluate(reordered, request);
      expect(b).toEqual(a);
      expect(c).toEqual(a);
      expect(JSON.stringify(c)).toBe(JSON.stringify(a));
      expect(policyVersion(reordered)).toBe(a.policyVersion);
    }), RUNS);
  });
});

describe('robustness', () => {
  it('generated policies are valid, and evaluate never throws on a valid policy with known ids', () => {
    fc.assert(fc.property(scenarioArb, ({ policy, request }) => {
      const result = validatePolicy(policy);
      expect(result.errors).toEqual([]);
      const v = evaluate(policy, request);
      expect(v.policyVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
      // A blocked digital meeting always says why, and an allowed one never carries a block.
      const blocks = v.reasons.filter((r) => r.severity === 'block').length;
      if (request.serviceId !== null) expect(blocks > 0).toBe(v.digital === 'not-allowed');
      else expect(v.digital === 'not-allowed').toBe(v.approvedServices.length === 0);
    }), RUNS);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}
