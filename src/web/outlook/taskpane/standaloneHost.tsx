// The standalone host: a plain browser page where a small appointment form stands in for Outlook's
// mail item. Everything typed here stays in the page's memory; custom properties and roaming settings
// are kept in memory too, so the pane runs the same code path as inside Outlook.
import { Field, Input, makeStyles, Select, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { forcedColorsActive } from '../../shared/components/AppShell';
import { useI18n } from '../../shared/i18n';
import { uniqueDomains, lastOccurrence, mailDomain, type AppointmentTimes, type LinkSources, type MailItemHost } from './host';

export interface StandaloneAppointment {
  subject: string;
  /** `datetime-local` values, in the browser's time zone. */
  start: string;
  end: string;
  /** Last day of a weekly series (YYYY-MM-DD), or '' for a single meeting. */
  seriesUntil: string;
  /** Attendees' addresses, separated by commas, semicolons or new lines. */
  attendees: string;
  location: string;
  body: string;
  /** The display language the host reports, e.g. `sv-SE`. */
  displayLanguage: string;
  organizer: string;
}

function toIso(local: string): string | null {
  const t = Date.parse(local);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function localDate(local: string): string {
  return local.slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function localDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A first appointment to try: tomorrow at 10, one external attendee, a Teams link. Overridable by URL. */
export function initialAppointment(search: URLSearchParams, now: Date = new Date()): StandaloneAppointment {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0);
  const end = new Date(start.getTime() + 60 * 60_000);
  const link = search.get('link') ?? 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo%40thread.v2/0';
  return {
    subject: search.get('subject') ?? 'Uppföljning',
    start: search.get('start') ?? localDateTime(start),
    end: search.get('end') ?? localDateTime(end),
    seriesUntil: search.get('until') ?? '',
    attendees: search.get('attendees') ?? 'handlaggare@exempelkommun.se, klient@example.org',
    location: search.get('location') ?? 'Microsoft Teams-möte',
    body: search.get('body') ?? `<p>Välkommen till mötet.</p><p><a href="${link}">Anslut till mötet</a></p>`,
    displayLanguage: search.get('lang') ?? 'sv-SE',
    organizer: 'handlaggare@exempelkommun.se',
  };
}

/** The standalone item: a small store the appointment form writes and the pane reads. */
export class StandaloneItem implements MailItemHost {
  readonly kind = 'standalone' as const;
  private listeners = new Set<() => void>();
  private customProperties: Record<string, string> = {};
  readonly roamingSettings: Record<string, string> = {};
  private readonly id = `standalone-${Math.random().toString(36).slice(2, 12)}`;

  constructor(private appointment: StandaloneAppointment) {}

  get current(): StandaloneAppointment {
    return this.appointment;
  }

  update(patch: Partial<StandaloneAppointment>): void {
    this.appointment = { ...this.appointment, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** For useSyncExternalStore: subscribe to any change of the appointment. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  displayLanguage(): string {
    return this.appointment.displayLanguage;
  }

  highContrast(): boolean {
    return forcedColorsActive();
  }

  userDomain(): string | null {
    return mailDomain(this.appointment.organizer);
  }

  async readTimes(): Promise<AppointmentTimes> {
    const a = this.appointment;
    const start = toIso(a.start);
    const recurring = a.seriesUntil !== '';
    const seriesEnd = start && recurring ? lastOccurrence(start, localDate(a.start), a.seriesUntil) : null;
    return { start, end: toIso(a.end), seriesEnd, recurring };
  }

  async readLinkSources(): Promise<LinkSources> {
    return { bodyHtml: this.appointment.body, location: this.appointment.location };
  }

  async readAttendeeDomains(): Promise<string[]> {
    return uniqueDomains(this.appointment.attendees.split(/[,;\n]/));
  }

  async itemId(): Promise<string> {
    return this.id;
  }

  async loadCustomProperties(): Promise<Record<string, unknown>> {
    return { ...this.customProperties };
  }

  async saveCustomProperties(values: Record<string, string>): Promise<void> {
    this.customProperties = { ...this.customProperties, ...values };
  }

  async saveRoamingSettings(values: Record<string, string>): Promise<void> {
    Object.assign(this.roamingSettings, values);
  }

  onItemChanged(listener: () => void): () => void {
    return this.subscribe(listener);
  }
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: tokens.spacingHorizontalM },
});

const LABELS = {
  heading: { sv: 'Mötet (fristående läge)', en: 'The meeting (standalone mode)' },
  note: {
    sv: 'Står i stället för Outlooks mötesformulär. Uppgifterna stannar på sidan.',
    en: "Stands in for Outlook's meeting form. The details stay on this page.",
  },
  subject: { sv: 'Ämne', en: 'Subject' },
  start: { sv: 'Start', en: 'Start' },
  end: { sv: 'Slut', en: 'End' },
  seriesUntil: { sv: 'Upprepas varje vecka till och med (tomt: enstaka möte)', en: 'Repeats weekly until (empty: single meeting)' },
  attendees: { sv: 'Deltagare (e-postadresser)', en: 'Attendees (mail addresses)' },
  location: { sv: 'Plats', en: 'Location' },
  body: { sv: 'Inbjudan (med möteslänk)', en: 'Invitation (with the meeting link)' },
  language: { sv: 'Visningsspråk', en: 'Display language' },
} as const;

/** The appointment form that stands in for Outlook's organizer form. */
export function StandaloneAppointmentForm({ item }: { item: StandaloneItem }) {
  const styles = useStyles();
  const { lang } = useI18n();
  const a = useSyncExternalStore(item.subscribe, () => item.current);
  const l = (key: keyof typeof LABELS) => LABELS[key][lang];
  const text = (key: 'subject' | 'attendees' | 'location') => (
    <Field label={l(key)}>
      <Input value={a[key]} onChange={(_, d) => item.update({ [key]: d.value })} />
    </Field>
  );

  return (
    <section className={styles.form} aria-labelledby="standalone-heading">
      <Subtitle1 as="h2" id="standalone-heading">{l('heading')}</Subtitle1>
      <span>{l('note')}</span>
      {text('subject')}
      <div className={styles.row}>
        <Field label={l('start')}>
          <Input type="datetime-local" value={a.start} onChange={(_, d) => item.update({ start: d.value })} />
        </Field>
        <Field label={l('end')}>
          <Input type="datetime-local" value={a.end} onChange={(_, d) => item.update({ end: d.value })} />
        </Field>
      </div>
      <Field label={l('seriesUntil')}>
        <Input type="date" value={a.seriesUntil} onChange={(_, d) => item.update({ seriesUntil: d.value })} />
      </Field>
      {text('attendees')}
      {text('location')}
      <Field label={l('body')}>
        <Textarea value={a.body} resize="vertical" rows={4} onChange={(_, d) => item.update({ body: d.value })} />
      </Field>
      <Field label={l('language')}>
        <Select value={a.displayLanguage} onChange={(_, d) => item.update({ displayLanguage: d.value })}>
          <option value="sv-SE">Svenska</option>
          <option value="en-GB">English</option>
        </Select>
      </Field>
    </section>
  );
}
