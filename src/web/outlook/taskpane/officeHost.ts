/// <reference types="office-js" />
// The task pane's host inside Outlook: the appointment organizer form through Office.js, which the
// page loads from Microsoft's CDN. The Office namespace is passed in so that tests can hand it a mock.
import { forcedColorsActive } from '../../shared/components/AppShell';
import { lastOccurrence, mailDomain, uniqueDomains, type AppointmentTimes, type LinkSources, type MailItemHost } from './host';

/** The parts of the Office namespace the host uses. */
export type OfficeApi = Pick<typeof Office, 'context' | 'AsyncResultStatus' | 'CoercionType' | 'EventType' | 'MailboxEnums'>;

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/** Promise over an Office.js `…Async(callback)` call; a failed result rejects with Office's message. */
function officeCall<T>(office: OfficeApi, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Office.js call failed'));
    });
  });
}

export function createOfficeHost(office: OfficeApi): MailItemHost {
  const item = () => {
    const current = office.context.mailbox.item as Office.AppointmentCompose | null | undefined;
    if (!current) throw new Error('no appointment is open');
    return current;
  };
  const customProperties = () => officeCall<Office.CustomProperties>(office, (cb) => item().loadCustomPropertiesAsync(cb));

  return {
    kind: 'office',
    displayLanguage: () => office.context.displayLanguage ?? 'sv-SE',
    highContrast: () => forcedColorsActive(),
    userDomain: () => mailDomain(office.context.mailbox.userProfile?.emailAddress),

    async readTimes(): Promise<AppointmentTimes> {
      const appointment = item();
      const [start, end, recurrence] = await Promise.all([
        officeCall<Date>(office, (cb) => appointment.start.getAsync(cb)),
        officeCall<Date>(office, (cb) => appointment.end.getAsync(cb)),
        appointment.recurrence
          ? officeCall<Office.Recurrence | null>(office, (cb) => appointment.recurrence.getAsync(cb))
          : Promise.resolve(null),
      ]);
      const startIso = start ? new Date(start).toISOString() : null;
      let seriesEnd: string | null = null;
      if (recurrence && startIso) {
        const endDate = recurrence.seriesTime.getEndDate();
        if (endDate) seriesEnd = lastOccurrence(startIso, recurrence.seriesTime.getStartDate(), endDate);
      }
      return { start: startIso, end: end ? new Date(end).toISOString() : null, seriesEnd, recurring: recurrence !== null };
    },

    async readLinkSources(): Promise<LinkSources> {
      const appointment = item();
      const [bodyHtml, location] = await Promise.all([
        officeCall<string>(office, (cb) => appointment.body.getAsync(office.CoercionType.Html, cb)),
        officeCall<string>(office, (cb) => appointment.location.getAsync(cb)),
      ]);
      return { bodyHtml: bodyHtml ?? '', location: location ?? '' };
    },

    async readAttendeeDomains(): Promise<string[]> {
      const appointment = item();
      const [required, optional] = await Promise.all([
        officeCall<Office.EmailAddressDetails[]>(office, (cb) => appointment.requiredAttendees.getAsync(cb)),
        officeCall<Office.EmailAddressDetails[]>(office, (cb) => appointment.optionalAttendees.getAsync(cb)),
      ]);
      return uniqueDomains([...required, ...optional].map((a) => a.emailAddress));
    },

    async itemId(): Promise<string> {
      const appointment = item();
      // A new item has no id until it is saved; an existing one is not saved again.
      const ewsId = await officeCall<string>(office, (cb) => appointment.getItemIdAsync(cb))
        .catch(() => officeCall<string>(office, (cb) => appointment.saveAsync(cb))
          .then(() => officeCall<string>(office, (cb) => appointment.getItemIdAsync(cb))));
      return office.context.mailbox.convertToRestId(ewsId, office.MailboxEnums.RestVersion.v2_0);
    },

    async loadCustomProperties(): Promise<Record<string, unknown>> {
      return (await customProperties()).getAll() as Record<string, unknown>;
    },

    async saveCustomProperties(values: Record<string, string>): Promise<void> {
      const props = await customProperties();
      for (const [key, value] of Object.entries(values)) props.set(key, value);
      await officeCall<void>(office, (cb) => props.saveAsync(cb));
    },

    async saveRoamingSettings(values: Record<string, string>): Promise<void> {
      const settings = office.context.roamingSettings;
      for (const [key, value] of Object.entries(values)) settings.set(key, value);
      await officeCall<void>(office, (cb) => settings.saveAsync(cb));
    },

    onItemChanged(listener: () => void): () => void {
      const appointment = item();
      const events = [
        office.EventType.AppointmentTimeChanged,
        office.EventType.RecurrenceChanged,
        office.EventType.RecipientsChanged,
        office.EventType.EnhancedLocationsChanged,
      ];
      const handler = () => listener();
      for (const type of events) appointment.addHandlerAsync(type, handler);
      return () => {
        for (const type of events) appointment.removeHandlerAsync(type);
      };
    },
  };
}
