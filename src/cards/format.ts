// Dates and times as a reader in Sweden expects them: always in Europe/Stockholm, whatever zone the
// server or the reader's device is in, written the Swedish or the English way.
import type { Lang } from '../policy/types';

const ZONE = 'Europe/Stockholm';
const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const dateTimeFormats = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
};
const timeFormats = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};
const shortDateFormats = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: ZONE, day: 'numeric', month: 'short', year: 'numeric' }),
};
const calendarDateFormats = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

function instant(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date-time: ${JSON.stringify(iso)}`);
  return d;
}

/** "tisdag 16 juni 2026 kl. 10:00" / "Tuesday 16 June 2026 at 10:00" (Swedish time). */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = instant(iso);
  const date = dateTimeFormats[lang].format(d);
  const time = timeFormats[lang].format(d);
  return lang === 'sv' ? `${date} kl. ${time}` : `${date} at ${time}`;
}

/** "16 juni 2026 kl. 10:00" / "16 Jun 2026 10:00": for lists and decision times. */
export function formatShortDateTime(iso: string, lang: Lang): string {
  const d = instant(iso);
  return `${shortDateFormats[lang].format(d)}${lang === 'sv' ? ' kl.' : ''} ${timeFormats[lang].format(d)}`;
}

/** A calendar date from the policy (YYYY-MM-DD): "14 oktober 2026" / "14 October 2026". */
export function formatCalendarDate(date: string, lang: Lang): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime())) return date;
  return calendarDateFormats[lang].format(d);
}
