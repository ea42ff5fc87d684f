// The policy admin's reminder that security measures are due for review (art. 32.1 d GDPR): risk
// analyses whose review date has passed or is close, and deviations about to expire. Built from the
// reminder rows the server derives from the published policy; the policy gives the service labels.
import type { ReminderRow } from '../api/contract';
import type { Lang, Policy } from '../policy/types';
import { card, container, rich, run, uiText, type AdaptiveCard, type ContainerStyle, type Color, type Element, type TextRun } from './adaptive';
import { formatCalendarDate } from './format';
import { heading, serviceLabel } from './sections';
import { STRINGS } from './strings';

export interface ReviewReminderCardInput {
  reminders: ReminderRow[];
  /** The published policy, for the services' labels. */
  policy: Policy;
  lang: Lang;
  /** Ids (`${kind}:${id}`) of reminders that are new since the admin's last reminder: marked "Ny"/"New". */
  newKeys?: string[];
  /** A deep link to the settings tab (Inställningar), when known: an Action.OpenUrl. */
  openUrl?: string;
}

/** The key `newKeys` holds for a reminder. */
export function reminderKey(reminder: Pick<ReminderRow, 'kind' | 'id'>): string {
  return `${reminder.kind}:${reminder.id}`;
}

const STATE_STYLE: Record<ReminderRow['state'], { container: ContainerStyle; color: Color }> = {
  overdue: { container: 'attention', color: 'attention' },
  'due-soon': { container: 'warning', color: 'warning' },
  expiring: { container: 'warning', color: 'warning' },
};

function relative(daysLeft: number, lang: Lang): string {
  const r = STRINGS[lang].review.relative;
  return daysLeft < 0 ? r.ago(-daysLeft) : daysLeft === 0 ? r.today : r.in(daysLeft);
}

function sentence(reminder: ReminderRow, policy: Policy, lang: Lang): TextRun[] {
  const s = STRINGS[lang].review;
  const service = run(serviceLabel(policy, reminder.serviceId), { weight: 'bolder' });
  const when = [run(` ${formatCalendarDate(reminder.dueDate, lang)}`, { weight: 'bolder' }), run(` (${relative(reminder.daysLeft, lang)}).`)];
  if (reminder.kind === 'risk-analysis-review') {
    return [
      run(`${s.risk.start} `), run(reminder.reference, { weight: 'bolder' }), run(` ${s.risk.forService} `), service,
      run(` ${reminder.state === 'overdue' ? s.risk.overdue : s.risk.dueSoon}`), ...when,
    ];
  }
  return [
    run(`${s.deviation.start} `), run(reminder.id, { weight: 'bolder' }), run(` ${s.deviation.forService} `), service,
    run(` (${s.deviation.decision} `), run(reminder.reference), run(`) ${s.deviation.validUntil}`), ...when,
  ];
}

function entry(reminder: ReminderRow, policy: Policy, lang: Lang, isNew: boolean): Element {
  const s = STRINGS[lang].review;
  const style = STATE_STYLE[reminder.state];
  // The state is said in words as well as by the colour.
  const label: TextRun[] = [run(s.state[reminder.state], { weight: 'bolder', color: style.color })];
  if (isNew) label.push(run(' · '), run(s.new, { weight: 'bolder', color: 'accent' }));
  return container([rich(label), rich(sentence(reminder, policy, lang), { spacing: 'small' })], { style: style.container, spacing: 'small' });
}

/** Tells a policy admin which risk analyses are due for review and which deviations expire soon, and what to do. */
export function reviewReminderCard(input: ReviewReminderCardInput): AdaptiveCard {
  const { reminders, policy, lang } = input;
  if (reminders.length === 0) throw new RangeError('reviewReminderCard: no reminders, so there is nothing to send');
  const s = STRINGS[lang].review;
  const fresh = new Set(input.newKeys ?? []);
  const sorted = [...reminders].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));

  const next: Element[] = [heading(s.nextHeading)];
  if (sorted.some((r) => r.kind === 'risk-analysis-review')) next.push(uiText(s.nextRisk, { spacing: 'small' }));
  if (sorted.some((r) => r.kind === 'deviation-expiry')) next.push(uiText(s.nextDeviation, { spacing: 'small' }));
  next.push(uiText(s.nextPublish, { spacing: 'small', weight: 'bolder' }));

  const body: Element[] = [
    uiText(`${STRINGS[lang].appName} · ${s.kicker}`, { size: 'small', isSubtle: true, spacing: 'none' }),
    uiText(s.title, { size: 'large', weight: 'bolder', style: 'heading', spacing: 'small' }),
    uiText(s.intro, { spacing: 'small' }),
    ...sorted.map((r) => entry(r, policy, lang, fresh.has(reminderKey(r)))),
    ...next,
  ];
  return card(body, {
    fallbackText: s.fallback,
    ...(input.openUrl ? { actions: [{ type: 'Action.OpenUrl', title: s.open, url: input.openUrl }] } : {}),
  });
}
