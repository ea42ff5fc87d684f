// A verdict as plain text a caseworker understands, in Swedish or English (the CLI's `explain`).
import type { EvaluationRequest, Lang, Policy, Verdict } from './types';

const L = {
  sv: {
    title: 'Förkontroll av digitalt möte',
    meetingType: 'Mötestyp', service: 'Tjänst', noService: 'ingen vald', needs: 'Behov', none: 'inga', date: 'Datum',
    outcome: { allowed: 'Digitalt möte är tillåtet.', 'allowed-with-deviation': 'Digitalt möte är tillåtet genom ett beslut om avsteg.', 'not-allowed': 'Digitalt möte är inte tillåtet. Håll mötet fysiskt eller välj en annan tjänst.' },
    approved: 'Tjänster som får användas', noApproved: 'ingen',
    deviation: 'Avsteg', validUntil: 'gäller t.o.m.', conditions: 'Villkor',
    identity: 'Identitetskontroll', idRequired: (a: number) => `krävs, e-legitimation på tillitsnivå ${a} eller högre`, idNotRequired: 'krävs inte',
    methods: 'Godtagbara metoder', serviceProvides: 'Tjänsten kontrollerar identiteten vid inloggning.', serviceDoesNot: 'Tjänsten kontrollerar inte identiteten – gör det separat.',
    coApproval: 'Chefens medbedömning', required: 'krävs', notRequired: 'krävs inte',
    checklist: 'Checklista inför mötet', reasons: 'Skäl', source: 'Källa', policy: 'Policyversion',
    severity: { block: 'HINDER', warning: 'VARNING', info: 'INFO' },
    who: { caseworker: 'handläggare', counterpart: 'motpart', both: 'alla' } as Record<string, string>,
  },
  en: {
    title: 'Pre-meeting check for a digital meeting',
    meetingType: 'Meeting type', service: 'Service', noService: 'none chosen', needs: 'Needs', none: 'none', date: 'Date',
    outcome: { allowed: 'A digital meeting is allowed.', 'allowed-with-deviation': 'A digital meeting is allowed under a deviation decision.', 'not-allowed': 'A digital meeting is not allowed. Meet in person or choose another service.' },
    approved: 'Services that may be used', noApproved: 'none',
    deviation: 'Deviation', validUntil: 'valid until', conditions: 'Conditions',
    identity: 'Identity verification', idRequired: (a: number) => `required, e-ID at assurance level ${a} or higher`, idNotRequired: 'not required',
    methods: 'Acceptable methods', serviceProvides: 'The service verifies identity at sign-in.', serviceDoesNot: 'The service does not verify identity – do it separately.',
    coApproval: "Manager's co-approval", required: 'required', notRequired: 'not required',
    checklist: 'Checklist before the meeting', reasons: 'Reasons', source: 'Source', policy: 'Policy version',
    severity: { block: 'BLOCKS', warning: 'WARNING', info: 'INFO' },
    who: { caseworker: 'caseworker', counterpart: 'counterpart', both: 'everyone' } as Record<string, string>,
  },
};

export function explainVerdict(policy: Policy, request: EvaluationRequest, verdict: Verdict, lang: Lang = 'sv'): string {
  const l = L[lang];
  const label = <T extends { id: string }>(list: T[], id: string, get: (x: T) => string) => {
    const x = list.find((e) => e.id === id);
    return x ? get(x) : id;
  };
  const typeLabel = label(policy.meetingTypes, request.meetingTypeId, (m) => m.label[lang]);
  const serviceLabel = (id: string) => label(policy.services, id, (s) => s.label);
  const lines: string[] = [];
  lines.push(l.title, '');
  lines.push(`${l.meetingType}: ${typeLabel}`);
  lines.push(`${l.service}: ${request.serviceId ? serviceLabel(request.serviceId) : l.noService}`);
  lines.push(`${l.needs}: ${request.needs.length ? request.needs.map((id) => label(policy.needs, id, (n) => n.label[lang])).join(', ') : l.none}`);
  lines.push(`${l.date}: ${request.date}`, '');
  lines.push(l.outcome[verdict.digital]);
  lines.push(`${l.approved}: ${verdict.approvedServices.length ? verdict.approvedServices.map(serviceLabel).join(', ') : l.noApproved}`);
  if (verdict.deviation) {
    lines.push(`${l.deviation}: ${verdict.deviation.reference}, ${l.validUntil} ${verdict.deviation.validUntil}`);
    if (verdict.deviation.conditions.length) {
      lines.push(`${l.conditions}:`, ...verdict.deviation.conditions.map((c) => `  - ${c[lang]}`));
    }
  }
  lines.push('');
  const id = verdict.identityVerification;
  lines.push(`${l.identity}: ${id.required ? l.idRequired(id.assurance) : l.idNotRequired}`);
  if (id.required) {
    lines.push(`  ${l.methods}: ${id.methods.map((m) => label(policy.identityMethods, m, (x) => x.label[lang])).join(', ') || l.none}`);
    if (request.serviceId) lines.push(`  ${id.serviceProvides ? l.serviceProvides : l.serviceDoesNot}`);
  }
  lines.push(`${l.coApproval}: ${verdict.coApproval.required ? l.required : l.notRequired}`, '');
  if (verdict.checklist.length) {
    lines.push(`${l.checklist}:`, ...verdict.checklist.map((c) => `  [ ] ${c.text[lang]} (${l.who[c.who] ?? c.who})`), '');
  }
  lines.push(`${l.reasons}:`);
  for (const r of verdict.reasons) {
    lines.push(`  ${l.severity[r.severity]}: ${r.text[lang]}`, `    ${l.source}: ${r.source}`);
  }
  lines.push('', `${l.policy}: ${verdict.policyVersion}`);
  return lines.join('\n') + '\n';
}
