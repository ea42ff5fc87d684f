// Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer)
// in free text, so that comments and incident descriptions cannot carry them (data minimisation,
// GDPR art. 5.1 c). Only numbers with a valid Luhn check digit and a real date count, to keep false
// alarms on order numbers and phone numbers low.

// 6 or 8 date digits, an optional separator (-, + for 100+ years, or a space), 4 digits; not part of a longer digit run.
const CANDIDATE = /(?<!\d)(\d{2})?(\d{2})(\d{2})(\d{2})\s?[-+]?\s?(\d{3})(\d)(?!\d)/g;

function luhnValid(nineDigits: string, check: number): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let v = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return (10 - (sum % 10)) % 10 === check;
}

function plausibleDate(century: string | undefined, yy: string, mm: string, dd: string): boolean {
  const month = Number(mm);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer: day + 60
  if (month < 1 || month > 12 || day < 1) return false;
  const year = century ? Number(century + yy) : 2000 + Number(yy); // leap years agree for 1900s/2000s except 1900
  if (century && (Number(century) < 18 || Number(century) > 20)) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the text holds a personal identity or coordination number with a valid check digit. */
export function findPersonalIdentityNumber(text: string): boolean {
  for (const m of text.matchAll(CANDIDATE)) {
    const [, century, yy, mm, dd, serial, check] = m as unknown as [string, string | undefined, string, string, string, string, string];
    if (!plausibleDate(century, yy, mm, dd)) continue;
    if (luhnValid(`${yy}${mm}${dd}${serial}`, Number(check))) return true;
  }
  return false;
}
