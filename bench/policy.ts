// Evaluations per second for a realistic policy (≥ 20 meeting types, ≥ 15 services, ≥ 30 needs) and a
// mix of requests. Every evaluation is computed afresh: only the per-policy lookups are precomputed.
// Run: npm run -s bench:policy
import { addDays, compilePolicy, evaluate, examplePolicy, validatePolicy, type EvaluationRequest, type Policy } from '../src/policy';

const TODAY = '2026-11-23';

/** The example policy grown to municipal scale: more meeting types, services, needs and deviations. */
function largePolicy(): Policy {
  const base = examplePolicy(TODAY);
  const t = (s: string) => ({ sv: `${s}`, en: `${s} (en)` });
  const auths = ['eid-loa3', 'organization-account', 'none', 'eid-loa4', 'eid-loa2'] as const;
  const checklistIds = base.checklist.map((c) => c.id);
  const meetingTypes = [...base.meetingTypes];
  for (let i = 0; meetingTypes.length < 24; i++) {
    const k = (i % 5) as 0 | 1 | 2 | 3 | 4;
    meetingTypes.push({
      id: `typ-${i}`, label: t(`Mötestyp ${i}`),
      information: { personalData: k > 0, sensitiveData: k > 2, secrecy: k > 1, childrenData: i % 3 === 0 },
      classification: { confidentiality: k, integrity: 2, availability: 1 },
      digital: i % 11 === 10 ? 'never' : 'allowed',
      identityVerification: (['always', 'when-new-or-unclear', 'never'] as const)[i % 3]!,
      coApproval: (['always', 'when-deviation', 'never'] as const)[i % 3]!,
      checklist: [checklistIds[i % checklistIds.length]!, checklistIds[(i * 3) % checklistIds.length]!],
    });
  }
  const services = [...base.services];
  for (let i = 0; services.length < 18; i++) {
    services.push({
      id: `tjanst-${i}`, label: `Tjänst ${i}`,
      security: { participantAuthentication: auths[i % auths.length]!, encryption: 'in-transit', vendorStoresContent: i % 2 === 0, dataLocation: 'EU', processorAgreement: i % 7 !== 0 },
      approvedUpTo: { confidentiality: (i % 4) as 0 | 1 | 2 | 3 },
      riskAnalysis: { reference: `RA-${i}`, date: addDays(TODAY, -300 - i), reviewBy: addDays(TODAY, i % 4 === 0 ? -5 : 60 + i) },
      meetingLinkPatterns: [`https://tjanst-${i}.example.se/*`],
    });
  }
  const deviations = [...base.deviations];
  // Deviations for pairs that are not approved outright: lower-approved services for K3 types.
  const lowServices = services.filter((s) => s.approvedUpTo.confidentiality < 3 && s.security.processorAgreement);
  const k3Types = meetingTypes.filter((m) => m.classification.confidentiality === 3 && m.digital === 'allowed');
  for (let i = 0; i < 12; i++) {
    deviations.push({
      id: `avsteg-${i}`, serviceId: lowServices[i % lowServices.length]!.id,
      meetingTypeIds: [k3Types[i % k3Types.length]!.id, k3Types[(i + 1) % k3Types.length]!.id],
      decision: { level: i % 2 ? 'kommunledning' : 'forvaltning', reference: `SN 2026/${200 + i}`, decidedOn: addDays(TODAY, -150 + i * 10), validUntil: addDays(TODAY, -20 + i * 20) },
    });
  }
  const needs = [...base.needs];
  for (let i = 0; needs.length < 32; i++) {
    needs.push({
      id: `behov-${i}`, label: t(`Behov ${i}`),
      effects: {
        ...(i % 9 === 0 ? { digital: 'never' as const } : {}),
        ...(i % 4 === 0 ? { identityVerification: true } : {}),
        ...(i % 5 === 0 ? { coApproval: true } : {}),
        ...(i % 13 === 0 ? { noEid: true } : {}),
        ...(i % 2 === 0 ? { checklist: [checklistIds[i % checklistIds.length]!] } : {}),
      },
    });
  }
  return { ...base, meetingTypes, services, deviations, needs };
}

/** A deterministic mix: all types, services or none, zero to four needs, dates around today. */
function requests(policy: Policy, count: number): EvaluationRequest[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  return Array.from({ length: count }, () => {
    const needCount = next(5);
    return {
      meetingTypeId: policy.meetingTypes[next(policy.meetingTypes.length)]!.id,
      serviceId: next(6) === 0 ? null : policy.services[next(policy.services.length)]!.id,
      needs: Array.from({ length: needCount }, () => policy.needs[next(policy.needs.length)]!.id),
      date: addDays(TODAY, next(200) - 100),
    };
  });
}

const policy = largePolicy();
const check = validatePolicy(policy);
if (!check.valid) throw new Error(`bench policy invalid: ${JSON.stringify(check.errors.slice(0, 3))}`);
const compileStart = process.hrtime.bigint();
const compiled = compilePolicy(policy);
const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
const reqs = requests(policy, 10_000);

let sink = 0;
const run = (n: number) => {
  for (let i = 0; i < n; i++) sink += evaluate(compiled, reqs[i % reqs.length]!).reasons.length;
};
run(200_000); // warm-up

const rounds: number[] = [];
for (let r = 0; r < 5; r++) {
  const n = 500_000;
  const start = process.hrtime.bigint();
  run(n);
  rounds.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
}
rounds.sort((a, b) => a - b);
const outcomes = reqs.map((r) => evaluate(compiled, r).digital);
const share = (d: string) => ((outcomes.filter((o) => o === d).length / outcomes.length) * 100).toFixed(0);

console.log(`policy: ${policy.meetingTypes.length} meeting types, ${policy.services.length} services, ${policy.needs.length} needs, ${policy.deviations.length} deviations, ${policy.checklist.length} checklist items`);
console.log(`requests: ${reqs.length} distinct (allowed ${share('allowed')} %, with deviation ${share('allowed-with-deviation')} %, not allowed ${share('not-allowed')} %)`);
console.log(`compile (once per published policy): ${compileMs.toFixed(1)} ms`);
console.log(`evaluations per second, one core: median ${Math.round(rounds[2]!).toLocaleString('en')} (min ${Math.round(rounds[0]!).toLocaleString('en')}, max ${Math.round(rounds[4]!).toLocaleString('en')})`);
if (sink < 0) console.log(sink);
