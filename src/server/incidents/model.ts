// The incident register's rules (GDPR art. 33.5), pure: categories, the 72-hour deadline and the
// status transitions. The service applies them; the tests read them as the specification.
//
// Status (ids without diacritics, labels in the UI):
//   oppen     — registered, being handled
//   atgardad  — corrective actions taken and documented
//   anmald    — notified to IMY (only an incident that must be notified)
//   avslutad  — closed; final
//
// Allowed transitions, and why:
//   oppen    → atgardad   corrective actions must be written down first (art. 33.5: "de korrigerande åtgärder som vidtagits")
//   oppen    → anmald     IMY is notified within 72 hours, often before the incident is fixed
//   atgardad → anmald     the usual order when the fix came first
//   atgardad → oppen      the measures did not work: reopen
//   atgardad → avslutad   only when the incident need not be notified
//   anmald   → avslutad   only once corrective actions are documented
// Nothing leaves avslutad: new facts about a closed incident are a new incident (it may link the
// same assessment). Notification needs the time IMY was notified; a notification after the deadline
// needs the reasons for the delay (art. 33.1).

import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type DeadlineView, type IncidentCategory, type IncidentStatus } from '../../api/contract';

export { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type DeadlineView, type IncidentCategory, type IncidentStatus };

export const CATEGORY_LABELS: Record<IncidentCategory, { sv: string; en: string }> = {
  'fel-person-inslappt': { sv: 'Fel person insläppt i mötet', en: 'The wrong person was admitted to the meeting' },
  'obehorig-horde-eller-sag': { sv: 'Obehörig kunde höra eller se', en: 'An unauthorised person could hear or see' },
  'moteslanken-spreds': { sv: 'Möteslänken spreds', en: 'The meeting link was spread' },
  'inspelning-gjordes': { sv: 'Inspelning gjordes', en: 'The meeting was recorded' },
  'tekniskt-fel-rojde-uppgifter': { sv: 'Tekniskt fel röjde uppgifter', en: 'A technical fault disclosed information' },
  annat: { sv: 'Annat', en: 'Other' },
};

export const STATUS_LABELS: Record<IncidentStatus, { sv: string; en: string }> = {
  oppen: { sv: 'Öppen', en: 'Open' },
  atgardad: { sv: 'Åtgärdad', en: 'Remedied' },
  anmald: { sv: 'Anmäld till IMY', en: 'Notified to IMY' },
  avslutad: { sv: 'Avslutad', en: 'Closed' },
};

/** Art. 33.1: without undue delay and, where feasible, not later than 72 hours after becoming aware of it. */
export const NOTIFICATION_HOURS = 72;

/** The notification deadline: an absolute instant 72 hours after discovery, whatever the clocks on the wall do. */
export function notificationDeadline(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + NOTIFICATION_HOURS * 3600_000);
}

export interface IncidentFacts {
  status: IncidentStatus;
  mustNotifyImy: boolean;
  correctiveActions: string;
  notificationDeadline: Date;
  imyNotifiedAt: Date | null;
}

/** The countdown, for an incident that must be notified and is not yet. */
export function deadlineView(f: IncidentFacts, now: Date): DeadlineView {
  const pending = f.mustNotifyImy && f.imyNotifiedAt === null && f.status !== 'avslutad';
  const remaining = f.notificationDeadline.getTime() - now.getTime();
  return { deadline: f.notificationDeadline.toISOString(), remainingMs: pending ? remaining : null, overdue: pending && remaining < 0 };
}

export const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  oppen: ['atgardad', 'anmald'],
  atgardad: ['anmald', 'oppen', 'avslutad'],
  anmald: ['avslutad'],
  avslutad: [],
};

export interface TransitionInput {
  to: IncidentStatus;
  imyNotifiedAt?: Date;
  delayReason?: string;
}

/** Why a transition is refused, with the field to fix; null when it is allowed. */
export function transitionProblem(f: IncidentFacts, t: TransitionInput, now: Date): { code: string; field: string; message: string } | null {
  if (!TRANSITIONS[f.status].includes(t.to)) {
    const allowed = TRANSITIONS[f.status];
    return {
      code: 'transition-not-allowed', field: 'status',
      message: `An incident cannot go from "${f.status}" to "${t.to}"; ${allowed.length > 0 ? `from "${f.status}" it can go to ${allowed.map((s) => `"${s}"`).join(' or ')}` : 'a closed incident is final: register a new one'}.`,
    };
  }
  const hasActions = f.correctiveActions.trim().length > 0;
  if (t.to === 'atgardad' && !hasActions) {
    return { code: 'corrective-actions-required', field: 'correctiveActions', message: 'Describe the corrective actions taken before marking the incident remedied.' };
  }
  if (t.to === 'anmald') {
    if (!f.mustNotifyImy) return { code: 'notification-not-required', field: 'mustNotifyImy', message: 'The incident is marked as not to be notified to IMY: change that first if it must be.' };
    if (!t.imyNotifiedAt) return { code: 'notified-at-required', field: 'imyNotifiedAt', message: 'Give the time IMY was notified.' };
    if (t.imyNotifiedAt.getTime() > now.getTime() + 5 * 60_000) return { code: 'notified-at-in-future', field: 'imyNotifiedAt', message: 'The notification time is in the future.' };
    if (t.imyNotifiedAt.getTime() < f.notificationDeadline.getTime() - NOTIFICATION_HOURS * 3600_000) {
      return { code: 'notified-before-discovery', field: 'imyNotifiedAt', message: 'The notification time is earlier than the discovery of the incident.' };
    }
    if (t.imyNotifiedAt.getTime() > f.notificationDeadline.getTime() && !(t.delayReason && t.delayReason.trim().length > 0)) {
      return { code: 'delay-reason-required', field: 'delayReason', message: 'IMY was notified more than 72 hours after discovery: give the reasons for the delay (GDPR art. 33.1).' };
    }
  }
  if (t.to === 'avslutad') {
    if (f.mustNotifyImy && f.status !== 'anmald') return { code: 'notification-required', field: 'status', message: 'The incident must be notified to IMY before it is closed.' };
    if (!hasActions) return { code: 'corrective-actions-required', field: 'correctiveActions', message: 'Describe the corrective actions taken before closing the incident.' };
  }
  return null;
}
