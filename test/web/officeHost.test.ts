// The Office.js host adapter against office-addin-mock's Outlook object model.
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only office-addin-manifest's OfficeApp enum; the package's full import chain
// reaches an ESM-only dependency that jest's CommonJS loader cannot require, so the enum is given here.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import { createOfficeHost, type OfficeApi } from '../../src/web/outlook/taskpane/officeHost';

const ok = <T>(value: T) => ({ status: 'succeeded', value });

function mockOffice(opts: { saved: boolean; recurrence?: { start: string; end: string | null } }) {
  const customProps: Record<string, unknown> = { existing: 'x' };
  const roaming: Record<string, unknown> = {};
  const handlers: string[] = [];
  let saved = opts.saved;
  const data = {
    host: 'outlook',
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { AppointmentTimeChanged: 'olkAppointmentTimeChanged', RecurrenceChanged: 'olkRecurrenceChanged', RecipientsChanged: 'olkRecipientsChanged', EnhancedLocationsChanged: 'olkEnhancedLocationsChanged' },
    MailboxEnums: { RestVersion: { v2_0: 'v2.0' } },
    context: {
      displayLanguage: 'en-US',
      roamingSettings: {
        set(key: string, value: unknown) { roaming[key] = value; },
        saveAsync(cb: (r: unknown) => void) { cb(ok(undefined)); },
      },
      mailbox: {
        userProfile: { emailAddress: 'Anna@Exempelkommun.se' },
        convertToRestId(id: string, version: string) { return `rest(${id},${version})`; },
        item: {
          start: { getAsync(cb: (r: unknown) => void) { cb(ok(new Date('2026-12-01T09:00:00Z'))); } },
          end: { getAsync(cb: (r: unknown) => void) { cb(ok(new Date('2026-12-01T10:00:00Z'))); } },
          recurrence: {
            getAsync(cb: (r: unknown) => void) {
              cb(ok(opts.recurrence ? { seriesTime: { getStartDate: () => opts.recurrence!.start, getEndDate: () => opts.recurrence!.end } } : null));
            },
          },
          body: { getAsync(type: string, cb: (r: unknown) => void) { cb(ok(type === 'html' ? '<a href="https://teams.microsoft.com/l/meetup-join/1">x</a>' : 'wrong coercion')); } },
          location: { getAsync(cb: (r: unknown) => void) { cb(ok('Microsoft Teams')); } },
          requiredAttendees: { getAsync(cb: (r: unknown) => void) { cb(ok([{ emailAddress: 'kalle@Example.org', displayName: 'Kalle' }, { emailAddress: 'anna@exempelkommun.se', displayName: 'Anna' }])); } },
          optionalAttendees: { getAsync(cb: (r: unknown) => void) { cb(ok([{ emailAddress: 'eva@example.org', displayName: 'Eva' }])); } },
          getItemIdAsync(cb: (r: unknown) => void) {
            cb(saved ? ok('ews-1') : { status: 'failed', error: { message: 'item not saved' } });
          },
          saveAsync(cb: (r: unknown) => void) { saved = true; cb(ok('ews-1')); },
          loadCustomPropertiesAsync(cb: (r: unknown) => void) {
            cb(ok({
              getAll: () => ({ ...customProps }),
              set: (key: string, value: unknown) => { customProps[key] = value; },
              saveAsync: (done: (r: unknown) => void) => done(ok(undefined)),
            }));
          },
          addHandlerAsync(type: string) { handlers.push(`+${type}`); },
          removeHandlerAsync(type: string) { handlers.push(`-${type}`); },
        },
      },
    },
  };
  const office = new OfficeMockObject(data) as unknown as OfficeApi;
  return { office, customProps, roaming, handlers, wasSaved: () => saved };
}

describe('the Office.js host adapter', () => {
  it('reads a single meeting\'s times, link sources and only the attendees\' domains', async () => {
    const { office } = mockOffice({ saved: true });
    const host = createOfficeHost(office);
    expect(host.displayLanguage()).toBe('en-US');
    expect(host.userDomain()).toBe('exempelkommun.se');
    expect(await host.readTimes()).toEqual({ start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z', seriesEnd: null, recurring: false });
    expect(await host.readLinkSources()).toEqual({ bodyHtml: '<a href="https://teams.microsoft.com/l/meetup-join/1">x</a>', location: 'Microsoft Teams' });
    expect(await host.readAttendeeDomains()).toEqual(['example.org', 'exempelkommun.se']);
  });

  it('gives a series its last occurrence at the first one\'s time of day', async () => {
    const { office } = mockOffice({ saved: true, recurrence: { start: '2026-12-01', end: '2027-02-23' } });
    expect(await createOfficeHost(office).readTimes()).toMatchObject({ start: '2026-12-01T09:00:00.000Z', seriesEnd: '2027-02-23T09:00:00.000Z', recurring: true });
  });

  it('saves a new item before asking for its id, and converts the id to a REST id', async () => {
    const fresh = mockOffice({ saved: false });
    expect(await createOfficeHost(fresh.office).itemId()).toBe('rest(ews-1,v2.0)');
    expect(fresh.wasSaved()).toBe(true);
  });

  it('writes custom properties and roaming settings and saves them', async () => {
    const { office, customProps, roaming } = mockOffice({ saved: true });
    const host = createOfficeHost(office);
    await host.saveCustomProperties({ motescheck: '{"assessmentId":"a1"}' });
    expect(customProps).toEqual({ existing: 'x', motescheck: '{"assessmentId":"a1"}' });
    expect(await host.loadCustomProperties()).toEqual({ existing: 'x', motescheck: '{"assessmentId":"a1"}' });
    await host.saveRoamingSettings({ 'motescheck.onsend': '{}' });
    expect(roaming).toEqual({ 'motescheck.onsend': '{}' });
  });

  it('listens to the item\'s time, recurrence, attendee and location changes until unsubscribed', () => {
    const { office, handlers } = mockOffice({ saved: true });
    const unsubscribe = createOfficeHost(office).onItemChanged(() => undefined);
    expect(handlers).toEqual(['+olkAppointmentTimeChanged', '+olkRecurrenceChanged', '+olkRecipientsChanged', '+olkEnhancedLocationsChanged']);
    unsubscribe();
    expect(handlers.filter((h) => h.startsWith('-'))).toHaveLength(4);
  });

  it('rejects with Office\'s message when a call fails', async () => {
    const { office } = mockOffice({ saved: true });
    const mailbox = (office.context.mailbox as unknown as { item: { start: { getAsync: unknown } } });
    mailbox.item.start.getAsync = (cb: (r: unknown) => void) => cb({ status: 'failed', error: { message: 'no access' } });
    await expect(createOfficeHost(office).readTimes()).rejects.toThrow('no access');
  });
});
