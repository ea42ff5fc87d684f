// evaluate(policy, request) → verdict: DESIGN.md's rules 1–11, pure and deterministic. The date is an
// input (a calendar date in Europe/Stockholm); nothing here reads a clock or does IO.
import { compilePolicy, isCompiled, type CompiledDeviation, type CompiledNeed, type CompiledPolicy, type PairStanding, type Standing } from './compile';
import { isIsoDate } from './dates';
import { SOURCES } from './texts';
import type { DigitalOutcome, EvaluationRequest, Policy, Reason, Text, Verdict } from './types';

/** A request the policy cannot answer: an unknown id or a malformed field. Never a verdict. */
export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';
  constructor(
    /** The request field at fault, e.g. `needs[2]`. */
    readonly field: string,
    message: string,
    /** The unknown id, when that is the fault. */
    readonly id?: string,
  ) {
    super(message);
  }
}

const compiledCache = new WeakMap<Policy, CompiledPolicy>();

/** Compiles a plain policy once per object; a compiled policy is used as it is. */
export function compiled(policy: Policy | CompiledPolicy): CompiledPolicy {
  if (isCompiled(policy)) return policy;
  let c = compiledCache.get(policy);
  if (!c) {
    c = compilePolicy(policy);
    compiledCache.set(policy, c);
  }
  return c;
}

/** Rule 5: a service's standing for the meeting type on the date. */
function standingOn(pair: PairStanding, date: string): Standing {
  if (pair.outright) return pair.outright;
  // Sorted valid-longest first (then by id), so the first that covers the date is the one to use.
  let expired: CompiledDeviation | undefined;
  let notYet: CompiledDeviation | undefined;
  for (const d of pair.deviations) {
    const { decidedOn, validUntil } = d.deviation.decision;
    if (validUntil < date) expired ??= d;                  // the first seen ran out most recently
    else if (decidedOn > date) { if (!notYet || decidedOn < notYet.deviation.decision.decidedOn) notYet = d; }
    else return d.applies;
  }
  if (expired) return expired.expired;
  if (notYet) return notYet.notYetValid;
  return pair.notApproved!;
}

export function evaluate(policy: Policy | CompiledPolicy, request: EvaluationRequest): Verdict {
  const p = compiled(policy);
  const { type, needs, date, pair } = resolve(p, request);
  const t = type.type;
  const reasons: Reason[] = [];

  let noEid = false, needsIdentity = false;
  for (const n of needs) {
    if (n.need.effects.noEid) noEid = true;
    if (n.need.effects.identityVerification) needsIdentity = true;
  }

  // Rules 1–2: the meeting itself, and the individual's needs, may call for an in-person meeting.
  if (t.digital === 'never') reasons.push(type.physicalOnlyReason);
  for (const n of needs) if (n.physicalReason) reasons.push(n.physicalReason);
  const physicalBlocked = reasons.length > 0;   // rules 1–2 give only blocks

  // Rules 3–6 for the chosen service.
  let standing: Standing | null = null;
  if (pair) {
    const s = pair.service;
    if (!s.service.security.processorAgreement) reasons.push(s.noProcessorAgreementReason);
    if (s.eidLevel > 0 && noEid) reasons.push(s.requiresEidReason);
    standing = standingOn(pair, date);
    reasons.push(standing.reason);
    if (s.service.riskAnalysis.reviewBy < date) reasons.push(s.riskAnalysisOverdueReason);
  }

  // Rule 7: identity verification.
  const identityRequired = t.identityVerification === 'always' || (t.identityVerification === 'when-new-or-unclear' && needsIdentity);
  const serviceProvides = pair !== null && pair.service.eidLevel >= p.requiredAssurance;
  let identityBlocked = false;
  if (identityRequired) {
    reasons.push(p.identityRequiredReason);
    if (pair && !serviceProvides) reasons.push(pair.service.verifySeparatelyReason);
    if (noEid || p.noMethodReachesLevel) {
      identityBlocked = true;
      const r = p.identityBlockedReasons;
      reasons.push(noEid && p.noMethodReachesLevel ? r.both : noEid ? r.noEid : r.noMethod);
    }
  }

  // Rule 8: co-approval.
  const viaDeviation = standing?.kind === 'deviation';
  const coApprovalCauses: Text[] = [];
  if (type.coApprovalCause) coApprovalCauses.push(type.coApprovalCause);
  if (viaDeviation && t.coApproval !== 'never') coApprovalCauses.push(DEVIATION_CAUSE);
  for (const n of needs) if (n.coApprovalCause) coApprovalCauses.push(n.coApprovalCause);
  if (coApprovalCauses.length > 0) reasons.push(coApprovalReason(coApprovalCauses));

  // Rule 10: every catalogue service that rules 3–5 allow — none when rules 1, 2 or 7 block.
  const approvedServices: string[] = [];
  let anyOutright = false;
  if (!physicalBlocked && !identityBlocked) {
    for (const candidate of type.candidates) {
      const s = candidate.service;
      if (s.eidLevel > 0 && noEid) continue;
      const st = candidate === pair && standing ? standing : standingOn(candidate, date);
      if (st.kind === 'not-approved') continue;
      approvedServices.push(s.service.id);
      if (st.kind === 'outright') anyOutright = true;
    }
  }

  let digital: DigitalOutcome;
  const blocked = reasons.some(isBlock);
  if (pair) digital = blocked ? 'not-allowed' : viaDeviation ? 'allowed-with-deviation' : 'allowed';
  else digital = approvedServices.length === 0 ? 'not-allowed' : anyOutright ? 'allowed' : 'allowed-with-deviation';

  return {
    policyVersion: p.version,
    digital,
    approvedServices,
    identityVerification: { required: identityRequired, assurance: p.requiredAssurance, methods: p.methods.slice(), serviceProvides },
    coApproval: { required: coApprovalCauses.length > 0 },
    checklist: checklistFor(p, type.checklist, needs),
    deviation: standing?.kind === 'deviation' ? standing.deviation.verdictDeviation : null,
    reasons,
  };
}

const isBlock = (r: Reason) => r.severity === 'block';

const DEVIATION_CAUSE: Text = { sv: 'tjänsten används genom ett beslut om avsteg', en: 'the service is used under a deviation decision' };

function coApprovalReason(causes: Text[]): Reason {
  return {
    code: 'co-approval-required',
    severity: 'info',
    text: {
      sv: `Bedömningen ska göras tillsammans med chef: ${joined(causes, 'sv')}.`,
      en: `The assessment must be made together with a manager: ${joined(causes, 'en')}.`,
    },
    source: SOURCES.coApproval,
  };
}

function joined(causes: Text[], lang: keyof Text): string {
  let out = causes[0]![lang];
  for (let i = 1; i < causes.length; i++) out += `; ${causes[i]![lang]}`;
  return out;
}

/** Rule 9: the always items, the type's and the needs', in policy order, each once. */
function checklistFor(p: CompiledPolicy, typeItems: number[], needs: CompiledNeed[]): Verdict['checklist'] {
  const wanted = new Uint8Array(p.checklist.length);
  for (const i of p.alwaysChecklist) wanted[i] = 1;
  for (const i of typeItems) wanted[i] = 1;
  for (const n of needs) for (const i of n.checklist) wanted[i] = 1;
  const out: Verdict['checklist'] = [];
  for (let i = 0; i < wanted.length; i++) if (wanted[i]) out.push(p.checklist[i]!);
  return out;
}

/** Checks the request's shape and ids; needs come back in policy order, each once. */
function resolve(p: CompiledPolicy, request: EvaluationRequest) {
  if (typeof request !== 'object' || request === null) throw new EvaluationError('request', 'the request must be an object with meetingTypeId, serviceId, needs and date');
  const { meetingTypeId, serviceId, needs, date } = request;
  if (typeof meetingTypeId !== 'string') throw new EvaluationError('meetingTypeId', 'meetingTypeId must be a string');
  const type = p.types.get(meetingTypeId);
  if (!type) throw new EvaluationError('meetingTypeId', `unknown meeting type "${meetingTypeId}"`, meetingTypeId);
  let pair: PairStanding | null = null;
  if (serviceId !== null) {
    if (typeof serviceId !== 'string') throw new EvaluationError('serviceId', 'serviceId must be a string or null');
    pair = type.standingByService.get(serviceId) ?? null;
    if (!pair) throw new EvaluationError('serviceId', `unknown service "${serviceId}"`, serviceId);
  }
  if (!Array.isArray(needs)) throw new EvaluationError('needs', 'needs must be an array of need ids');
  const resolved: CompiledNeed[] = [];
  for (let i = 0; i < needs.length; i++) {
    const id = needs[i];
    if (typeof id !== 'string') throw new EvaluationError(`needs[${i}]`, `needs[${i}] must be a string`);
    const n = p.needs.get(id);
    if (!n) throw new EvaluationError(`needs[${i}]`, `unknown need "${id}"`, id);
    if (!resolved.includes(n)) resolved.push(n);
  }
  if (resolved.length > 1) resolved.sort((a, b) => a.order - b.order);
  if (!isIsoDate(date)) throw new EvaluationError('date', `date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return { type, needs: resolved, date, pair };
}

const DIGITAL_RANK: Record<DigitalOutcome, number> = { 'not-allowed': 0, 'allowed-with-deviation': 1, allowed: 2 };

/**
 * A recurring series is judged at its first and last occurrence: `digital` is the worse of the two,
 * requirements and checklist are the union, reasons are those of both (each once).
 */
export function evaluateSeries(policy: Policy | CompiledPolicy, request: Omit<EvaluationRequest, 'date'>, dates: string[]): Verdict {
  if (dates.length === 0) throw new EvaluationError('dates', 'a series needs at least one occurrence date');
  const p = compiled(policy);
  const verdicts = [...new Set([dates[0]!, dates[dates.length - 1]!])].map((date) => evaluate(p, { ...request, date }));
  return verdicts.reduce((a, b) => combineVerdicts(p, a, b));
}

/** The worse of two verdicts for the same meeting on different dates, with the union of what each requires. */
export function combineVerdicts(policy: Policy | CompiledPolicy, a: Verdict, b: Verdict): Verdict {
  const p = compiled(policy);
  const worse = DIGITAL_RANK[b.digital] < DIGITAL_RANK[a.digital] ? b : a;
  const checklistIds = new Set([...a.checklist, ...b.checklist].map((c) => c.id));
  const reasonKey = (r: Reason) => `${r.code}\u0000${r.text.sv}`;
  const seen = new Set(a.reasons.map(reasonKey));
  return {
    policyVersion: a.policyVersion,
    digital: worse.digital,
    approvedServices: a.approvedServices.filter((s) => b.approvedServices.includes(s)),
    identityVerification: {
      required: a.identityVerification.required || b.identityVerification.required,
      assurance: Math.max(a.identityVerification.assurance, b.identityVerification.assurance),
      methods: a.identityVerification.methods.filter((m) => b.identityVerification.methods.includes(m)),
      serviceProvides: a.identityVerification.serviceProvides && b.identityVerification.serviceProvides,
    },
    coApproval: { required: a.coApproval.required || b.coApproval.required },
    checklist: p.checklist.filter((c) => checklistIds.has(c.id)),
    deviation: worse.deviation ?? a.deviation ?? b.deviation,
    reasons: [...a.reasons, ...b.reasons.filter((r) => !seen.has(reasonKey(r)))],
  };
}
