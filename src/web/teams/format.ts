// Small, pure helpers for showing an assessment's categories: labels from the policy (falling back to
// the id when a newer policy dropped it), the meeting time and how long something has waited.
import type { Assessment, AssessmentStatus } from '../../api/contract';
import type { Policy } from '../../policy/types';
import type { I18n } from '../shared/i18n';
import type { TeamsText, TextKey } from './strings';

export const STATUS_TEXT: Record<AssessmentStatus, TextKey> = {
  draft: 'statusDraft',
  'awaiting-approval': 'statusAwaiting',
  approved: 'statusApproved',
  rejected: 'statusRejected',
  ready: 'statusReady',
  withdrawn: 'statusWithdrawn',
  'needs-recheck': 'statusNeedsRecheck',
};

export const STATUS_COLOR: Record<AssessmentStatus, 'brand' | 'success' | 'danger' | 'warning' | 'informative' | 'subtle'> = {
  draft: 'subtle',
  'awaiting-approval': 'informative',
  approved: 'success',
  rejected: 'danger',
  ready: 'success',
  withdrawn: 'subtle',
  'needs-recheck': 'warning',
};

export function meetingTypeLabel(policy: Policy | null, id: string, i18n: Pick<I18n, 'p'>): string {
  const type = policy?.meetingTypes.find((t) => t.id === id);
  return type ? i18n.p(type.label) : id;
}

export function serviceLabel(policy: Policy | null, a: Pick<Assessment, 'mode' | 'serviceId'>, t: TeamsText): string {
  if (a.mode === 'physical' || !a.serviceId) return t('noService');
  return policy?.services.find((s) => s.id === a.serviceId)?.label ?? a.serviceId;
}

export function meetingTime(a: Pick<Assessment, 'start' | 'seriesEnd'>, i18n: Pick<I18n, 'dateTime'>, t: TeamsText): string {
  if (a.seriesEnd) return t('seriesTime', { first: i18n.dateTime(a.start), last: i18n.dateTime(a.seriesEnd) });
  return i18n.dateTime(a.start);
}

/** "12 min", "3 tim", "2 dygn": how long since `since`, rounded down. */
export function age(since: string, now: number, t: TeamsText): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 60) return t('ageMinutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('ageHours', { n: hours });
  return t('ageDays', { n: Math.floor(hours / 24) });
}

/** The error text to show for a failed call. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
