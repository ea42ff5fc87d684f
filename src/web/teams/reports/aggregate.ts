// Pure helpers that fold report rows into chart rows: totals by one key, in a stable order.
import type { AssessmentsByMonthRow, IncidentCountRow } from './types';

/** Sums `value` by `key`, keeping keys in first-seen order (the server sorts its rows). */
export function sumBy<R>(rows: readonly R[], key: (r: R) => string, value: (r: R) => number): { key: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + value(r));
  return [...totals].map(([k, total]) => ({ key: k, total }));
}

export const byMonth = (rows: readonly AssessmentsByMonthRow[]) => sumBy(rows, (r) => r.month, (r) => r.assessments);
export const byType = (rows: readonly AssessmentsByMonthRow[]) => sumBy(rows, (r) => r.meetingTypeId, (r) => r.assessments).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
export const byService = (rows: readonly AssessmentsByMonthRow[]) => sumBy(rows, (r) => r.serviceId ?? '', (r) => r.assessments).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
export const byOutcome = (rows: readonly AssessmentsByMonthRow[]) => sumBy(rows, (r) => r.outcome, (r) => r.assessments);
export const incidentsByCategory = (rows: readonly IncidentCountRow[]) => sumBy(rows, (r) => r.category, (r) => r.incidents);
export const incidentsByStatus = (rows: readonly IncidentCountRow[]) => sumBy(rows, (r) => r.status, (r) => r.incidents);

/** A share 0…1 as a whole percentage in the language's format. */
export function percent(share: number | null, lang: 'sv' | 'en'): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Hours with one decimal in the language's format. */
export function hoursText(h: number | null, lang: 'sv' | 'en'): string {
  if (h === null) return '–';
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(h);
}
