// What the caseworker gets from the bot: the outcome of a decision, a needs-recheck notice, a warning
// when nobody has decided before the meeting, and the status of their open assessments ("mina").
import type { Assessment } from '../api/contract';
import type { Lang, Policy } from '../policy/types';
import { card, container, rich, run, uiText, type Action, type AdaptiveCard, type Element } from './adaptive';
import { formatShortDateTime } from './format';
import { decisionSection, meetingFacts, meetingTypeLabel, statusColor, title } from './sections';
import { STRINGS, type RecheckCause } from './strings';

function openAction(lang: Lang, url: string | undefined): { actions?: Action[] } {
  return url ? { actions: [{ type: 'Action.OpenUrl', title: STRINGS[lang].open, url }] } : {};
}

export interface OutcomeNotificationInput {
  assessment: Assessment;
  policy: Policy;
  /** Display name of whoever decided (the approver or a stand-in). */
  names: { decidedBy?: string };
  lang: Lang;
  /** A deep link to the assessment in Mötescheck, when the caller has one. */
  openUrl?: string;
}

/** Tells the caseworker that their assessment was approved or rejected, by whom, when and why. */
export function outcomeNotificationCard(input: OutcomeNotificationInput): AdaptiveCard {
  const { assessment, policy, lang } = input;
  const decision = assessment.decision;
  if (!decision) throw new Error(`assessment ${assessment.id} has no decision to notify about`);
  const s = STRINGS[lang];
  const body: Element[] = [
    ...title(s.title.outcome[decision.outcome], policy, assessment, lang),
    ...decisionSection(decision, input.names.decidedBy, lang),
    ...meetingFacts(assessment, policy, lang, {}, { status: false }),
  ];
  if (decision.outcome === 'rejected') body.push(uiText(s.rejectedNext, { spacing: 'medium' }));
  return card(body, { fallbackText: s.fallback, ...openAction(lang, input.openUrl) });
}

export interface NeedsRecheckInput {
  assessment: Assessment;
  policy: Policy;
  lang: Lang;
  /** What changed, when the caller knows. */
  cause?: RecheckCause;
  openUrl?: string;
}

/** Tells the caseworker that an open assessment has gone to `needs-recheck` and must be redone. */
export function needsRecheckCard(input: NeedsRecheckInput): AdaptiveCard {
  const { assessment, policy, lang } = input;
  const s = STRINGS[lang];
  const why: Element[] = input.cause ? [uiText(s.recheckCause[input.cause], { weight: 'bolder' })] : [];
  const body: Element[] = [
    ...title(s.title.recheck, policy, assessment, lang),
    container([...why, uiText(s.recheckNext, { spacing: why.length > 0 ? 'small' : 'none' })], { style: 'attention', spacing: 'medium' }),
    ...meetingFacts(assessment, policy, lang, {}),
  ];
  return card(body, { fallbackText: s.fallback, ...openAction(lang, input.openUrl) });
}

export interface PendingWarningInput {
  assessment: Assessment;
  policy: Policy;
  names: { approver?: string };
  lang: Lang;
  openUrl?: string;
}

/** Warns the caseworker that nobody has decided and the meeting starts soon. */
export function pendingWarningCard(input: PendingWarningInput): AdaptiveCard {
  const { assessment, policy, lang } = input;
  const s = STRINGS[lang];
  const waiting: Element[] = input.names.approver !== undefined
    ? [rich([run(`${s.waitingFor} `), run(input.names.approver, { weight: 'bolder' }), run('.')], { spacing: 'small' })]
    : [];
  const body: Element[] = [
    ...title(s.title.warning, policy, assessment, lang),
    container([uiText(s.warning, { weight: 'bolder' }), ...waiting, uiText(s.warningNext, { spacing: 'small' })], { style: 'warning', spacing: 'medium' }),
    ...meetingFacts(assessment, policy, lang, {}),
  ];
  return card(body, { fallbackText: s.fallback, ...openAction(lang, input.openUrl) });
}

export interface MyAssessmentsInput {
  /** The caseworker's assessments, each with the policy version it was judged by. */
  items: { assessment: Assessment; policy: Policy }[];
  lang: Lang;
  /** Open means not withdrawn and the (last) meeting has not yet started at this time. */
  now: string | Date;
  /** Rows shown at most; the rest are counted. */
  max?: number;
  openUrl?: string;
}

/** True when the assessment still concerns a meeting to come and has not been withdrawn. */
export function isOpen(assessment: Assessment, now: string | Date): boolean {
  if (assessment.status === 'withdrawn') return false;
  const last = assessment.seriesEnd ?? assessment.start;
  return new Date(last).getTime() > new Date(now).getTime();
}

/** The caseworker's "mina": one card listing their open assessments by start time, with status. */
export function myAssessmentsCard(input: MyAssessmentsInput): AdaptiveCard {
  const { lang } = input;
  const s = STRINGS[lang];
  const max = input.max ?? 15;
  const open = input.items
    .filter(({ assessment }) => isOpen(assessment, input.now))
    .sort((a, b) => Date.parse(a.assessment.start) - Date.parse(b.assessment.start) || a.assessment.id.localeCompare(b.assessment.id));
  const body: Element[] = [uiText(`${s.appName} · ${s.title.mine}`, { weight: 'bolder', size: 'medium' })];
  if (open.length === 0) body.push(uiText(s.mineEmpty, { spacing: 'medium' }));
  for (const { assessment, policy } of open.slice(0, max)) {
    const rows: Element[] = [
      rich([run(meetingTypeLabel(policy, assessment, lang), { weight: 'bolder' })]),
      rich([
        run(`${formatShortDateTime(assessment.start, lang)} · `),
        run(s.statuses[assessment.status], { weight: 'bolder', color: statusColor(assessment.status) }),
      ], { spacing: 'none' }),
    ];
    if (assessment.status === 'rejected' && assessment.decision?.comment) {
      rows.push(rich([run(`${s.comment}: `, { isSubtle: true }), run(assessment.decision.comment, { isSubtle: true })], { spacing: 'none' }));
    }
    body.push(container(rows, { separator: true, spacing: 'medium' }));
  }
  if (open.length > max) {
    body.push(rich([run(`${s.more[0]} `), run(String(open.length - max), { weight: 'bolder' }), run(` ${s.more[1]}`)], { spacing: 'medium', separator: true }));
  }
  return card(body, { fallbackText: s.fallback, ...openAction(lang, input.openUrl) });
}
