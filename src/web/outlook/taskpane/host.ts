// What the task pane needs from the appointment it runs beside. Two implementations: Office.js inside
// Outlook (officeHost.ts) and the standalone form for a plain browser (standaloneHost.tsx). What is read
// here for the link and the internal/external decision stays in the page: only ids, categories, start
// times and the join URL's hash go to the server.

export interface AppointmentTimes {
  /** ISO date-time of the (first) occurrence; null while the item has none. */
  start: string | null;
  end: string | null;
  /** For a recurring series: ISO date-time of the last occurrence (null when the series has no end). */
  seriesEnd: string | null;
  recurring: boolean;
}

/** Where an invitation carries its online-meeting link. */
export interface LinkSources {
  bodyHtml: string;
  location: string;
}

export interface MailItemHost {
  readonly kind: 'office' | 'standalone';
  /** The host's display language, e.g. `sv-SE`. */
  displayLanguage(): string;
  /** True when the host shows a high-contrast theme. */
  highContrast(): boolean;
  /** The signed-in user's mail domain (the internal domain when the policy names none). */
  userDomain(): string | null;
  readTimes(): Promise<AppointmentTimes>;
  readLinkSources(): Promise<LinkSources>;
  /** The attendees' mail domains, lower-cased, each once: never names or addresses. */
  readAttendeeDomains(): Promise<string[]>;
  /** The item's REST id; a new item is saved first so that it has one. */
  itemId(): Promise<string>;
  /** This add-in's custom properties on the item. */
  loadCustomProperties(): Promise<Record<string, unknown>>;
  /** Replaces the given custom properties and saves them to the item. */
  saveCustomProperties(values: Record<string, string>): Promise<void>;
  /** Writes the add-in's roaming settings (read by the on-send handler) and saves them. */
  saveRoamingSettings(values: Record<string, string>): Promise<void>;
  /** Calls back when the item's time, recurrence, attendees or location change; returns an unsubscribe. */
  onItemChanged(listener: () => void): () => void;
}

/** The mail domain of an address, lower-cased; null for anything that is not an address. */
export function mailDomain(address: string | null | undefined): string | null {
  const at = (address ?? '').trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = address!.trim().slice(at + 1).toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) ? domain : null;
}

export function uniqueDomains(addresses: readonly (string | null | undefined)[]): string[] {
  return [...new Set(addresses.map(mailDomain).filter((d): d is string => d !== null))].sort();
}

/**
 * A series' last occurrence from its first start and its end date (YYYY-MM-DD): the same time of day on
 * the end date. Only the calendar date is evaluated, so a DST shift of the hour does not matter.
 */
export function lastOccurrence(firstStart: string, startDate: string, endDate: string): string {
  const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000);
  return new Date(Date.parse(firstStart) + days * 86_400_000).toISOString();
}
