// Times in the incident register: the 72-hour deadline from discovery as an absolute instant, the
// countdown's hours and minutes, and the `datetime-local` inputs, which speak the browser's local time.
import { NOTIFICATION_HOURS } from '../reports/types';

/** Discovery + 72 hours, as an ISO instant; null when the input is not a time. */
export function deadlineFrom(discoveredAt: string): string | null {
  const t = Date.parse(discoveredAt);
  return Number.isNaN(t) ? null : new Date(t + NOTIFICATION_HOURS * 3600_000).toISOString();
}

/** Whole hours and minutes of a duration (its absolute value), rounded down. */
export function hoursMinutes(ms: number): { h: number; m: number } {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(iso: string | number): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (browser time zone) as an ISO instant; null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
