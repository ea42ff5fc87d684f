// fast-check generators for valid policies and for requests against them (ids are synthetic).
import fc from 'fast-check';
import { addDays, type ChecklistItem, type Deviation, type EvaluationRequest, type Level, type MeetingType, type Need, type Policy, type Service } from '../../src/policy';

const BASE = '2026-01-01';
const level = fc.constantFrom<Level>(0, 1, 2, 3, 4);
const day = fc.integer({ min: -400, max: 400 }).map((d) => addDays(BASE, d));
const text = (s: string) => ({ sv: `${s} sv`, en: `${s} en` });
/** One value from each arbitrary, as a list (an empty list for none). */
const all = <T>(arbs: fc.Arbitrary<T>[]): fc.Arbitrary<T[]> => (arbs.length ? fc.tuple(...arbs).map((xs) => [...xs]) : fc.constant([]));

export const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    checklistCount: fc.integer({ min: 0, max: 8 }),
    typeCount: fc.integer({ min: 1, max: 6 }),
    serviceCount: fc.integer({ min: 0, max: 6 }),
    needCount: fc.integer({ min: 0, max: 8 }),
    required: fc.option(fc.constantFrom<2 | 3 | 4>(2, 3, 4), { nil: undefined }),
  })
  .chain(({ checklistCount, typeCount, serviceCount, needCount, required }) => {
    const checklistIds = Array.from({ length: checklistCount }, (_, i) => `c${i}`);
    const someItems = checklistCount ? fc.subarray(checklistIds) : fc.constant([] as string[]);
    const types = all<MeetingType>(Array.from({ length: typeCount }, (_, i) => fc.record({
      id: fc.constant(`t${i}`), label: fc.constant(text(`type ${i}`)),
      information: fc.record({ personalData: fc.boolean(), sensitiveData: fc.boolean(), secrecy: fc.boolean(), childrenData: fc.boolean() }),
      classification: fc.record({ confidentiality: level, integrity: level, availability: level }),
      digital: fc.constantFrom('allowed' as const, 'allowed' as const, 'never' as const),
      identityVerification: fc.constantFrom('always' as const, 'when-new-or-unclear' as const, 'never' as const),
      coApproval: fc.constantFrom('always' as const, 'when-deviation' as const, 'never' as const),
      checklist: someItems,
    })));
    const services = all<Service>(Array.from({ length: serviceCount }, (_, i) => fc.record({
      id: fc.constant(`s${i}`), label: fc.constant(`Service ${i}`),
      security: fc.record({
        participantAuthentication: fc.constantFrom('eid-loa4' as const, 'eid-loa3' as const, 'eid-loa2' as const, 'organization-account' as const, 'none' as const),
        encryption: fc.constantFrom('end-to-end' as const, 'in-transit' as const, 'none' as const),
        vendorStoresContent: fc.boolean(),
        dataLocation: fc.constantFrom('SE' as const, 'EU' as const, 'third-country' as const),
        processorAgreement: fc.boolean(),
      }),
      approvedUpTo: fc.record({ confidentiality: level }),
      riskAnalysis: fc.tuple(day, fc.integer({ min: 0, max: 500 })).map(([date, span]) => ({ reference: `RA-${i}`, date, reviewBy: addDays(date, span) })),
      meetingLinkPatterns: fc.constant([`https://s${i}.example/*`]),
    })));
    const needs = all<Need>(Array.from({ length: needCount }, (_, i) => fc.record({
      id: fc.constant(`n${i}`), label: fc.constant(text(`need ${i}`)),
      effects: fc.record({
        digital: fc.constant('never' as const), identityVerification: fc.boolean(), coApproval: fc.boolean(), noEid: fc.boolean(), checklist: someItems,
      }, { requiredKeys: [] }),
    })));
    return fc.record({
      types, services, needs, required: fc.constant(required),
      checklist: all<ChecklistItem>(checklistIds.map((id) => fc.record({ id: fc.constant(id), text: fc.constant(text(id)), who: fc.constantFrom('caseworker' as const, 'counterpart' as const, 'both' as const), always: fc.boolean() }))),
      methods: fc.array(fc.constantFrom<2 | 3 | 4>(2, 3, 4), { maxLength: 3 }),
    });
  })
  .chain(({ types, services, needs, required, checklist, methods }) => {
    const digitalTypes = types.filter((t) => t.digital === 'allowed').map((t) => t.id);
    const deviation = (i: number): fc.Arbitrary<Deviation> => fc.record({
      id: fc.constant(`d${i}`),
      serviceId: fc.constantFrom(...services.map((s) => s.id)),
      meetingTypeIds: fc.subarray(digitalTypes, { minLength: 1 }),
      decision: fc.tuple(day, fc.integer({ min: 0, max: 300 }), fc.constantFrom('kommunledning' as const, 'forvaltning' as const))
        .map(([decidedOn, span, lvl]) => ({ level: lvl, reference: `REF-${i}`, decidedOn, validUntil: addDays(decidedOn, span) })),
    });
    const deviations = services.length && digitalTypes.length
      ? fc.integer({ min: 0, max: 5 }).chain((n) => all(Array.from({ length: n }, (_, i) => deviation(i))))
      : fc.constant([] as Deviation[]);
    return deviations.map((devs): Policy => ({
      schemaVersion: 1,
      organization: 'Generated',
      ...(required ? { identityAssuranceRequired: required } : {}),
      identityMethods: methods.map((assurance, i) => ({ id: `m${i}`, label: text(`method ${i}`), assurance })),
      checklist,
      meetingTypes: types,
      services,
      deviations: devs,
      needs,
    }));
  });

/** A policy with a request whose ids are all known, and one need not in the request (when any exist). */
export const scenarioArb = policyArb.chain((policy) =>
  fc.record({
    policy: fc.constant(policy),
    request: fc.record({
      meetingTypeId: fc.constantFrom(...policy.meetingTypes.map((t) => t.id)),
      serviceId: policy.services.length ? fc.option(fc.constantFrom(...policy.services.map((s) => s.id)), { nil: null }) : fc.constant(null),
      needs: policy.needs.length ? fc.subarray(policy.needs.map((n) => n.id)) : fc.constant([] as string[]),
      date: day,
    }) as fc.Arbitrary<EvaluationRequest>,
    extraNeed: policy.needs.length ? fc.constantFrom(...policy.needs.map((n) => n.id)) : fc.constant(null),
  }),
);
