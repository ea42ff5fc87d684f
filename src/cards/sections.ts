// The parts every card is made of: the meeting's facts, the verdict with its reasons, the identity
// requirement, the checklist, the deviation and the decision. Only categories and ids from the
// assessment and labels from the policy appear here — never anything about the client.
import type { Assessment, Decision } from '../api/contract';
import type { Lang, Policy, Severity, Verdict } from '../policy/types';
import { container, rich, run, uiText, type Color, type ContainerStyle, type Element, type TextRun } from './adaptive';
import { formatCalendarDate, formatDateTime, formatShortDateTime } from './format';
import { STRINGS, type Who } from './strings';

const SEVERITY_COLOR: Record<Severity, Color> = { block: 'attention', warning: 'warning', info: 'default' };

export function meetingTypeLabel(policy: Policy, assessment: Pick<Assessment, 'meetingTypeId'>, lang: Lang): string {
  return policy.meetingTypes.find((t) => t.id === assessment.meetingTypeId)?.label[lang] ?? assessment.meetingTypeId;
}

/** A service's label from the policy; its id when the policy has no such service. */
export function serviceLabel(policy: Policy, serviceId: string): string {
  return policy.services.find((s) => s.id === serviceId)?.label ?? serviceId;
}

/** "Label: value" on one line; the label is interface text, the value runs may hold record text. */
export function fact(label: string, value: TextRun[]): Element {
  return rich([run(`${label}: `, { weight: 'bolder' }), ...value], { spacing: 'small' });
}

export function heading(text: string, extra: { spacing?: 'medium' | 'large' } = {}): Element {
  return uiText(text, { weight: 'bolder', spacing: extra.spacing ?? 'medium', separator: true });
}

/** Title of a card: what it is (interface text) and which meeting type it concerns (policy label). */
export function title(kind: string, policy: Policy, assessment: Assessment, lang: Lang): Element[] {
  return [
    uiText(`${STRINGS[lang].appName} · ${kind}`, { size: 'small', isSubtle: true, spacing: 'none' }),
    rich([run(meetingTypeLabel(policy, assessment, lang), { size: 'large', weight: 'bolder' })], { spacing: 'small' }),
  ];
}

export function statusColor(status: Assessment['status']): Color {
  switch (status) {
    case 'approved':
    case 'ready':
      return 'good';
    case 'rejected':
    case 'needs-recheck':
      return 'attention';
    case 'awaiting-approval':
      return 'warning';
    default:
      return 'default';
  }
}

export interface FactNames { caseworker?: string; approver?: string }

export function meetingFacts(assessment: Assessment, policy: Policy, lang: Lang, names: FactNames, options: { status?: boolean; revision?: boolean } = {}): Element[] {
  const s = STRINGS[lang];
  const facts: Element[] = [];
  if (assessment.seriesEnd) {
    facts.push(fact(s.seriesFirst, [run(formatDateTime(assessment.start, lang))]));
    facts.push(fact(s.seriesLast, [run(formatDateTime(assessment.seriesEnd, lang))]));
  } else {
    facts.push(fact(s.when, [run(formatDateTime(assessment.start, lang))]));
  }
  facts.push(fact(s.mode, assessment.mode === 'digital' && assessment.serviceId
    ? [run(`${s.modeDigital} `), run(serviceLabel(policy, assessment.serviceId))]
    : [run(s.modePhysical)]));
  if (names.caseworker !== undefined) facts.push(fact(s.caseworker, [run(names.caseworker)]));
  if (names.approver !== undefined) facts.push(fact(s.approver, [run(names.approver)]));
  if (options.status !== false) {
    facts.push(fact(s.status, [run(s.statuses[assessment.status], { weight: 'bolder', color: statusColor(assessment.status) })]));
  }
  if (options.revision !== false) {
    facts.push(fact(s.revision, [run(String(assessment.revision)), run(` · ${s.policy} ${assessment.policyNumber}`, { isSubtle: true })]));
  }
  return facts;
}

function outcomeStyle(assessment: Assessment): ContainerStyle {
  if (assessment.mode === 'physical') return 'emphasis';
  switch (assessment.verdict.digital) {
    case 'allowed':
      return 'good';
    case 'allowed-with-deviation':
      return 'warning';
    default:
      return 'attention';
  }
}

export function verdictSection(assessment: Assessment, lang: Lang): Element[] {
  const s = STRINGS[lang];
  const verdict = assessment.verdict;
  const banner = assessment.mode === 'physical'
    ? [uiText(s.physicalNote, { weight: 'bolder' }), uiText(s.outcome[verdict.digital], { spacing: 'none', isSubtle: true })]
    : [uiText(s.outcome[verdict.digital], { weight: 'bolder' })];
  const reasons = verdict.reasons.map((r) => container([
    rich([run(`${s.severity[r.severity]}: `, { weight: 'bolder', color: SEVERITY_COLOR[r.severity] }), run(r.text[lang])]),
    rich([run(`${s.source}: ${r.source}`, { size: 'small', isSubtle: true })], { spacing: 'none' }),
  ], { spacing: 'small' }));
  return [
    heading(s.verdictHeading),
    container(banner, { style: outcomeStyle(assessment), spacing: 'small' }),
    ...(reasons.length > 0 ? [uiText(s.reasons, { weight: 'bolder', spacing: 'small' }), ...reasons] : []),
  ];
}

export function identitySection(assessment: Assessment, policy: Policy, lang: Lang): Element[] {
  const s = STRINGS[lang];
  const id: Verdict['identityVerification'] = assessment.verdict.identityVerification;
  if (!id.required) return [heading(s.identity), uiText(s.identityNotRequired, { spacing: 'small' })];
  const methods = id.methods.map((m) => policy.identityMethods.find((x) => x.id === m)?.label[lang] ?? m);
  const items: Element[] = [
    heading(s.identity),
    rich([run(`${s.identityRequired} `), run(String(id.assurance), { weight: 'bolder' }), run(` ${s.identityAssurance}`)], { spacing: 'small' }),
  ];
  if (methods.length > 0) items.push(fact(s.methods, [run(methods.join(', '))]));
  if (assessment.mode === 'digital' && assessment.serviceId) {
    items.push(uiText(id.serviceProvides ? s.serviceProvides : s.serviceDoesNot, { spacing: 'small', color: id.serviceProvides ? 'default' : 'warning' }));
  }
  return items;
}

/** The checklist the caseworker confirms in a digital meeting (DESIGN rule 9: shown when digital). */
export function checklistSection(assessment: Assessment, lang: Lang): Element[] {
  if (assessment.mode !== 'digital') return [];
  const s = STRINGS[lang];
  const items = assessment.verdict.checklist;
  if (items.length === 0) return [heading(s.checklist), uiText(s.checklistEmpty, { spacing: 'small' })];
  return [
    heading(s.checklist),
    ...items.map((item) => rich([
      run('• '),
      run(item.text[lang]),
      run(` (${s.who[item.who as Who] ?? item.who})`, { isSubtle: true }),
    ], { spacing: 'small' })),
  ];
}

export function deviationSection(assessment: Assessment, lang: Lang): Element[] {
  const deviation = assessment.verdict.deviation;
  if (!deviation) return [];
  const s = STRINGS[lang];
  const items: Element[] = [
    heading(s.deviation),
    fact(s.reference, [run(deviation.reference)]),
    fact(s.validUntil, [run(formatCalendarDate(deviation.validUntil, lang))]),
  ];
  if (deviation.conditions.length > 0) {
    items.push(uiText(s.conditions, { weight: 'bolder', spacing: 'small' }));
    for (const c of deviation.conditions) items.push(rich([run('• '), run(c[lang])], { spacing: 'small' }));
  }
  return items;
}

/** Who decided, when, and their comment — shown to everyone once a decision exists. */
export function decisionSection(decision: Decision, decidedBy: string | undefined, lang: Lang): Element[] {
  const s = STRINGS[lang];
  const lines: Element[] = [
    rich([
      run(`${s.decided[decision.outcome]} `, { weight: 'bolder' }),
      run(decidedBy ?? '–', { weight: 'bolder' }),
      run(` ${s.decidedAt} ${formatShortDateTime(decision.at, lang)}`),
    ]),
  ];
  if (decision.comment) lines.push(fact(s.comment, [run(decision.comment)]));
  return [container(lines, { style: decision.outcome === 'approved' ? 'good' : 'attention', spacing: 'medium' })];
}

/** A coloured box: interface text, or runs when it holds values. */
export function notice(content: string | TextRun[], style: ContainerStyle): Element {
  return container([typeof content === 'string' ? uiText(content, { weight: 'bolder' }) : rich(content)], { style, spacing: 'medium' });
}
