// policyVersion: 'sha256:' + SHA-256 of the RFC 8785 canonical JSON of the policy.
import { canonicalJson, examplePolicy, policyVersion, sha256Hex } from '../../src/policy';

describe('the policy version', () => {
  const policy = examplePolicy('2026-11-23');

  it('is sha256: and 64 hex digits of the canonical JSON', () => {
    expect(policyVersion(policy)).toBe(`sha256:${sha256Hex(canonicalJson(policy))}`);
    expect(policyVersion(policy)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not depend on key order or whitespace', () => {
    const reparsed = JSON.parse(JSON.stringify(policy, null, 4));
    const reordered = Object.fromEntries(Object.entries(policy).reverse());
    expect(policyVersion(reparsed)).toBe(policyVersion(policy));
    expect(policyVersion(reordered as typeof policy)).toBe(policyVersion(policy));
  });

  it('changes when the content changes', () => {
    const changed = { ...policy, organization: `${policy.organization}!` };
    expect(policyVersion(changed)).not.toBe(policyVersion(policy));
  });

  it('canonicalises as RFC 8785 says: sorted keys, no whitespace, ES number form', () => {
    expect(canonicalJson({ b: 1e21, a: [1.5, 'å', true, null], c: { z: 0.1, y: -0 } })).toBe('{"a":[1.5,"å",true,null],"b":1e+21,"c":{"y":0,"z":0.1}}');
  });

  it('matches the SHA-256 test vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
