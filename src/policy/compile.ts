// Lookups computed once per policy so that each evaluation is a few map reads and array walks. What is
// kept here depends only on the policy, never on a request: verdicts are always computed afresh.
import { DECISION_LEVEL_TEXT, REASON_SEVERITY, REASON_SOURCE, reasonText } from './texts';
import { policyVersion } from './version';
import type { Assurance, ChecklistItem, Deviation, MeetingType, Need, Policy, Reason, ReasonCode, Service, Text } from './types';

export interface CompiledChecklistItem { id: string; text: Text; who: string }

export interface CompiledNeed {
  need: Need;
  /** Position in policy.needs: verdicts list needs' effects in policy order. */
  order: number;
  /** Why this need calls for co-approval, when it does (rule 8). */
  coApprovalCause: Text | null;
  /** Positions in policy.checklist of the items this need adds. */
  checklist: number[];
  physicalReason: Reason | null;
}

export interface CompiledService {
  service: Service;
  /** The level of e-ID its participants sign in with, 0 when they do not sign in with e-ID. */
  eidLevel: number;
  noProcessorAgreementReason: Reason;
  requiresEidReason: Reason;
  riskAnalysisOverdueReason: Reason;
  verifySeparatelyReason: Reason;
}

/** Rule 5's answer for one service and meeting type on some date; built once, shared by verdicts. */
export type Standing =
  | { kind: 'outright'; reason: Reason }
  | { kind: 'deviation'; deviation: CompiledDeviation; reason: Reason }
  | { kind: 'not-approved'; reason: Reason };

export interface CompiledDeviation {
  deviation: Deviation;
  applies: Standing;
  expired: Standing;
  notYetValid: Standing;
  verdictDeviation: { id: string; reference: string; validUntil: string; conditions: Text[] };
}

export interface PairStanding {
  service: CompiledService;
  /** Set when the service is approved outright for the type; then no date matters. */
  outright: Standing | null;
  notApproved: Standing | null;
  /** Rules 3–5 can allow it at all: a processor agreement, and approved outright or some deviation. */
  candidate: boolean;
  /** Deviations for this service and meeting type, valid longest first, then by id. */
  deviations: CompiledDeviation[];
}

export interface CompiledType {
  type: MeetingType;
  checklist: number[];
  physicalOnlyReason: Reason;
  /** Every catalogue service's standing for this type, in catalogue order. */
  standings: PairStanding[];
  /** The standings of services that rules 3–5 could allow (rule 10's candidates), in catalogue order. */
  candidates: PairStanding[];
  /** The co-approval cause that the type itself gives, if any. */
  coApprovalCause: Text | null;
  standingByService: Map<string, PairStanding>;
}

export interface CompiledPolicy {
  readonly compiled: true;
  readonly policy: Policy;
  readonly version: string;
  readonly requiredAssurance: Assurance;
  readonly methods: readonly string[];
  readonly noMethodReachesLevel: boolean;
  readonly types: ReadonlyMap<string, CompiledType>;
  readonly services: ReadonlyMap<string, CompiledService>;
  readonly needs: ReadonlyMap<string, CompiledNeed>;
  readonly checklist: readonly CompiledChecklistItem[];
  readonly alwaysChecklist: readonly number[];
  readonly identityRequiredReason: Reason;
  readonly identityBlockedReasons: { noEid: Reason; noMethod: Reason; both: Reason };
}

export function isCompiled(p: Policy | CompiledPolicy): p is CompiledPolicy {
  return (p as CompiledPolicy).compiled === true;
}

export function reason(code: ReasonCode, params: Record<string, string | number>): Reason {
  return Object.freeze({ code, severity: REASON_SEVERITY[code], text: Object.freeze(reasonText(code, params)), source: REASON_SOURCE[code] });
}

/** Expects a valid policy (see validatePolicy); ids it cannot resolve are ignored here. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const requiredAssurance: Assurance = policy.identityAssuranceRequired ?? 3;
  const checklistIndex = new Map(policy.checklist.map((item, i) => [item.id, i]));
  const positions = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => checklistIndex.get(id)).filter((i): i is number => i !== undefined);

  const services = new Map<string, CompiledService>();
  for (const service of policy.services) {
    const auth = service.security.participantAuthentication;
    const params = { service: service.label, assurance: requiredAssurance, reference: service.riskAnalysis.reference, reviewBy: service.riskAnalysis.reviewBy };
    services.set(service.id, {
      service,
      eidLevel: auth.startsWith('eid-loa') ? Number(auth.slice('eid-loa'.length)) : 0,
      noProcessorAgreementReason: reason('no-processor-agreement', params),
      requiresEidReason: reason('service-requires-eid', params),
      riskAnalysisOverdueReason: reason('risk-analysis-overdue', params),
      verifySeparatelyReason: reason('verify-identity-separately', params),
    });
  }

  const types = new Map<string, CompiledType>();
  for (const type of policy.meetingTypes) {
    const standings = policy.services.map((service) => compileStanding(policy, type, services.get(service.id)!));
    types.set(type.id, {
      type,
      checklist: positions(type.checklist),
      physicalOnlyReason: bilingual('meeting-type-physical-only', { type: type.label.sv }, { type: type.label.en }),
      standings,
      candidates: standings.filter((st) => st.candidate),
      standingByService: new Map(standings.map((s) => [s.service.service.id, s])),
      coApprovalCause: type.coApproval === 'always' ? { sv: `mötestypen ${type.label.sv} kräver det alltid`, en: `the meeting type ${type.label.en} always requires it` } : null,
    });
  }

  const needs = new Map<string, CompiledNeed>();
  for (const [order, need] of policy.needs.entries()) {
    needs.set(need.id, {
      need,
      order,
      coApprovalCause: need.effects.coApproval ? { sv: `individens behov: ${need.label.sv}`, en: `the individual's need: ${need.label.en}` } : null,
      checklist: positions(need.effects.checklist),
      physicalReason: need.effects.digital === 'never' ? bilingual('need-requires-physical', { need: need.label.sv }, { need: need.label.en }) : null,
    });
  }

  const methods = policy.identityMethods.filter((m) => m.assurance >= requiredAssurance).map((m) => m.id);
  const why = {
    noEid: { sv: 'motparten saknar e-legitimation', en: 'the counterpart has no e-ID' },
    noMethod: { sv: `ingen identifieringsmetod i policyn når nivå ${requiredAssurance}`, en: `no identity method in the policy reaches level ${requiredAssurance}` },
  };
  const blocked = (w: Text) => reason('identity-cannot-be-verified', { assurance: requiredAssurance, why: w.sv, whyEn: w.en });

  return Object.freeze({
    compiled: true as const,
    policy,
    version: policyVersion(policy),
    requiredAssurance,
    methods: Object.freeze(methods),
    noMethodReachesLevel: methods.length === 0,
    types,
    services,
    needs,
    checklist: policy.checklist.map(toVerdictItem),
    alwaysChecklist: policy.checklist.flatMap((item, i) => (item.always ? [i] : [])),
    identityRequiredReason: reason('identity-required', { assurance: requiredAssurance }),
    identityBlockedReasons: {
      noEid: blocked(why.noEid),
      noMethod: blocked(why.noMethod),
      both: blocked({ sv: `${why.noEid.sv}, och ${why.noMethod.sv}`, en: `${why.noEid.en}, and ${why.noMethod.en}` }),
    },
  });
}

function compileStanding(policy: Policy, type: MeetingType, service: CompiledService): PairStanding {
  const s = service.service;
  const outright = s.approvedUpTo.confidentiality >= type.classification.confidentiality;
  const params = { service: s.label, type: type.label.sv, approved: s.approvedUpTo.confidentiality, required: type.classification.confidentiality };
  const deviations = policy.deviations
    .filter((d) => d.serviceId === s.id && d.meetingTypeIds.includes(type.id))
    .sort((a, b) => (a.decision.validUntil === b.decision.validUntil ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.decision.validUntil > b.decision.validUntil ? -1 : 1))
    .map((deviation) => compileDeviation(deviation, s, type));
  return {
    service,
    outright: outright ? freezeStanding({ kind: 'outright', reason: bilingual('service-approved', params, { ...params, type: type.label.en }) }) : null,
    notApproved: outright ? null : freezeStanding({ kind: 'not-approved', reason: bilingual('service-not-approved', params, { ...params, type: type.label.en }) }),
    candidate: s.security.processorAgreement && (outright || deviations.length > 0),
    deviations,
  };
}

function compileDeviation(deviation: Deviation, service: Service, type: MeetingType): CompiledDeviation {
  const d = deviation.decision;
  const sv = { service: service.label, type: type.label.sv, reference: d.reference, validUntil: d.validUntil, decidedOn: d.decidedOn, level: DECISION_LEVEL_TEXT[d.level].sv, levelEn: DECISION_LEVEL_TEXT[d.level].en };
  const en = { ...sv, type: type.label.en };
  const compiled = {
    deviation,
    verdictDeviation: Object.freeze({ id: deviation.id, reference: d.reference, validUntil: d.validUntil, conditions: Object.freeze((deviation.conditions ?? []).map(bilingualText)) as Text[] }),
  } as CompiledDeviation;
  compiled.applies = freezeStanding({ kind: 'deviation', deviation: compiled, reason: bilingual('deviation-applies', sv, en) });
  compiled.expired = freezeStanding({ kind: 'not-approved', reason: bilingual('deviation-expired', sv, en) });
  compiled.notYetValid = freezeStanding({ kind: 'not-approved', reason: bilingual('deviation-not-yet-valid', sv, en) });
  return compiled;
}

/** A reason whose Swedish and English texts are filled with different (language-specific) labels. */
function bilingual(code: ReasonCode, sv: Record<string, string | number>, en: Record<string, string | number>): Reason {
  const text = Object.freeze({ sv: reasonText(code, sv).sv, en: reasonText(code, en).en });
  return Object.freeze({ code, severity: REASON_SEVERITY[code], text, source: REASON_SOURCE[code] });
}

function freezeStanding(s: Standing): Standing {
  return Object.freeze(s);
}

function toVerdictItem(item: ChecklistItem): CompiledChecklistItem {
  return Object.freeze({ id: item.id, text: bilingualText(item.text), who: item.who });
}

// Texts copied into a verdict always have the same key order, so its JSON does not depend on the document's.
function bilingualText(t: Text): Text {
  return Object.freeze({ sv: t.sv, en: t.en });
}
