// An appointment organizer form in Outlook, as the on-send handler sees it, built on office-addin-mock:
// the item's body, location, attendees, start and custom properties, the add-in's roaming settings,
// and a record of every notification added and every roaming setting saved.
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeApp } from 'office-addin-manifest/lib/officeApp';

// office-addin-mock reads only the OfficeApp enum from office-addin-manifest, whose package entry pulls
// in an ES module that jest's CommonJS runtime cannot load: hand it the enum's own (CommonJS) file.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import type { OnSendOffice } from '../../src/web/outlook/onsend/handler';

type AsyncCallback = (result: { status: string; value?: unknown; error?: { message: string } }) => void;

export interface AppointmentState {
  bodyHtml?: string;
  location?: string;
  required?: string[];
  optional?: string[];
  start?: Date;
  customProperties?: Record<string, unknown>;
  roamingSettings?: Record<string, unknown>;
  displayLanguage?: string;
  userEmail?: string;
  /** Office calls that fail ('failed' result) or throw when called. */
  fail?: { body?: 'result' | 'throw' | 'never'; notification?: 'result'; roamingSave?: 'result' };
  /** No item open (the runtime lost it). */
  noItem?: boolean;
}

export interface OutlookMock {
  office: OnSendOffice;
  notifications: { key: string; type: string; message: string; icon?: string; persistent?: boolean }[];
  roaming: Record<string, unknown>;
  roamingSaves: number;
  associated: Record<string, (event: unknown) => unknown>;
  /** Calls the body's pending callback (for the "never answers" case) after the handler gave up. */
  lateBodyCallback(): void;
}

export function outlookMock(state: AppointmentState = {}): OutlookMock {
  const ok = (value?: unknown) => ({ status: 'succeeded', value });
  const failed = (message: string) => ({ status: 'failed', error: { message } });
  const roaming: Record<string, unknown> = { ...(state.roamingSettings ?? {}) };
  const props: Record<string, unknown> = { ...(state.customProperties ?? {}) };
  const result: Omit<OutlookMock, 'office'> = {
    notifications: [],
    roaming,
    roamingSaves: 0,
    associated: {},
    lateBodyCallback: () => undefined,
  };

  const item = {
    body: {
      getAsync(_coercion: string, callback: AsyncCallback) {
        if (state.fail?.body === 'throw') throw new Error('body.getAsync exploded');
        if (state.fail?.body === 'never') {
          result.lateBodyCallback = () => callback(ok(state.bodyHtml ?? ''));
          return;
        }
        callback(state.fail?.body === 'result' ? failed('The body could not be read.') : ok(state.bodyHtml ?? ''));
      },
    },
    location: { getAsync: (callback: AsyncCallback) => callback(ok(state.location ?? '')) },
    requiredAttendees: { getAsync: (callback: AsyncCallback) => callback(ok((state.required ?? []).map((emailAddress) => ({ emailAddress, displayName: 'Deltagare' })))) },
    optionalAttendees: { getAsync: (callback: AsyncCallback) => callback(ok((state.optional ?? []).map((emailAddress) => ({ emailAddress, displayName: 'Deltagare' })))) },
    start: { getAsync: (callback: AsyncCallback) => callback(ok(state.start ?? new Date('2026-05-04T08:00:00Z'))) },
    loadCustomPropertiesAsync: (callback: AsyncCallback) => callback(ok({
      get: (name: string) => props[name],
      set: (name: string, value: unknown) => { props[name] = value; },
      remove: (name: string) => { delete props[name]; },
      getAll: () => ({ ...props }),
      saveAsync: (cb: AsyncCallback) => cb(ok()),
    })),
    notificationMessages: {
      addAsync(key: string, details: { type: string; message: string; icon?: string; persistent?: boolean }, callback: AsyncCallback) {
        if (state.fail?.notification === 'result') {
          callback(failed('No notification here.'));
          return;
        }
        result.notifications.push({ key, ...details });
        callback(ok());
      },
    },
  };

  const data = {
    host: OfficeApp.Outlook,
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      ItemNotificationMessageType: { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage' },
      SendModeOverride: { PromptUser: 'promptUser' },
    },
    actions: { associate: (id: string, fn: (event: unknown) => unknown) => { result.associated[id] = fn; } },
    context: {
      displayLanguage: state.displayLanguage ?? 'sv-SE',
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => { roaming[name] = value; },
        remove: (name: string) => { delete roaming[name]; },
        saveAsync: (callback: AsyncCallback) => {
          if (state.fail?.roamingSave === 'result') {
            callback(failed('Roaming settings are full.'));
            return;
          }
          result.roamingSaves += 1;
          callback(ok());
        },
      },
      mailbox: {
        userProfile: { emailAddress: state.userEmail ?? 'handlaggare@exempelkommun.se', displayName: 'Handläggare' },
        item,
      },
    },
  };
  const office = new OfficeMockObject(data, OfficeApp.Outlook) as unknown as OnSendOffice;
  // office-addin-mock turns every object into a mock, so "no item" is set afterwards.
  if (state.noItem) (office.context.mailbox as { item: unknown }).item = null;
  return Object.assign(result, { office });
}

/** An event whose `completed` records each call. */
export function sendEvent() {
  const calls: unknown[][] = [];
  return { calls, completed: (...args: unknown[]) => { calls.push(args); } };
}
