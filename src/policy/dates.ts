// Calendar dates as the policy and the evaluator use them: plain 'YYYY-MM-DD' strings, compared as
// strings (valid ISO dates sort chronologically). No clock is read here.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date in the form YYYY-MM-DD (rejects 2026-02-30). On every evaluation, so no Date objects. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10 || !ISO_DATE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const mo = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

// Made on first use, not when the module loads: a formatter with a time zone is costly to create (tens
// of ms on a slow device), and the Outlook pane loads this module before its first render.
let stockholm: Intl.DateTimeFormat | undefined;

/** The calendar date in Europe/Stockholm of an instant (ISO date-time with offset, or epoch ms). */
export function stockholmDate(instant: string | number | Date): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date-time: ${String(instant)}`);
  stockholm ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit',
  });
  const parts = stockholm.formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
