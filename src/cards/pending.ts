// A manager's "att godkänna": one approval card (with the buttons) for every assessment awaiting them,
// soonest meeting first, and a closing card when there are more than fit in one answer.
import type { Assessment } from '../api/contract';
import type { Lang, Policy } from '../policy/types';
import { card, rich, run, uiText, type AdaptiveCard } from './adaptive';
import { approvalCard } from './approval';
import { STRINGS } from './strings';

export interface PendingItem {
  assessment: Assessment;
  policy: Policy;
  names: { caseworker: string; approver?: string };
  /** Teams user ids of whoever may decide it (`refresh.userIds`). */
  approverUserIds?: string[];
}

export interface PendingListInput {
  items: PendingItem[];
  lang: Lang;
  now?: string | Date;
  /** Approval cards in one answer at most; the rest are counted on a closing card. */
  max?: number;
}

export function pendingListCards(input: PendingListInput): AdaptiveCard[] {
  const { lang } = input;
  const s = STRINGS[lang];
  const max = input.max ?? 10;
  const awaiting = input.items
    .filter((i) => i.assessment.status === 'awaiting-approval')
    .sort((a, b) => Date.parse(a.assessment.start) - Date.parse(b.assessment.start) || a.assessment.id.localeCompare(b.assessment.id));
  if (awaiting.length === 0) {
    return [card([uiText(`${s.appName} · ${s.title.pending}`, { weight: 'bolder' }), uiText(s.pendingEmpty, { spacing: 'small' })], { fallbackText: s.pendingEmpty })];
  }
  const cards = awaiting.slice(0, max).map((i) => approvalCard({
    assessment: i.assessment,
    policy: i.policy,
    names: i.names,
    lang,
    viewerIsApprover: true,
    ...(i.approverUserIds ? { approverUserIds: i.approverUserIds } : {}),
    ...(input.now !== undefined ? { now: input.now } : {}),
  }));
  if (awaiting.length > max) {
    cards.push(card([
      uiText(`${s.appName} · ${s.title.pending}`, { weight: 'bolder' }),
      rich([run(`${s.morePending[0]} `), run(String(awaiting.length - max), { weight: 'bolder' }), run(` ${s.morePending[1]}`)], { spacing: 'small' }),
    ], { fallbackText: s.fallback }));
  }
  return cards;
}
