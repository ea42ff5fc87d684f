// The policy diff that the server's version diff and the editor's conflict view both show.
import { diffPolicies, examplePolicy } from '../../src/policy';

describe('the policy diff', () => {
  const before = examplePolicy('2026-11-23');

  it('is empty for the same document', () => {
    expect(diffPolicies(before, structuredClone(before))).toEqual([]);
  });

  it('matches entries by id, so a reordered list is no change and an edit names its entry', () => {
    const after = structuredClone(before);
    after.services.reverse();
    after.services.find((s) => s.id === 'microsoft-teams')!.approvedUpTo.confidentiality = 3;
    expect(diffPolicies(before, after)).toEqual([
      { path: '$.services[id=microsoft-teams].approvedUpTo.confidentiality', kind: 'changed', before: 2, after: 3 },
    ]);
  });

  it('reports added and removed entries and fields', () => {
    const after = structuredClone(before);
    after.needs = after.needs.filter((n) => n.id !== 'tolk');
    after.checklist.push({ id: 'ny-punkt', text: { sv: 'Ny', en: 'New' }, who: 'both' });
    delete after.onSend;
    expect(diffPolicies(before, after).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added $.checklist[id=ny-punkt]', 'removed $.needs[id=tolk]', 'removed $.onSend',
    ]);
  });
});
