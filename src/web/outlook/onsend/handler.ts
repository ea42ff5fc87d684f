/// <reference types="office-js" />
// The Office adapter of the on-send handler: reads the appointment, the custom properties and the
// roaming settings, makes at most the two calls DESIGN.md allows, asks decide.ts, and completes the
// event — exactly once on every path, a throw or a callback that never comes included. The Office
// namespace, fetch and the token source are passed in, so tests hand it office-addin-mock.
import type { Lang } from '../../../policy/types';
import {
  decideOnSend, errorDecision, MAX_NOTICE_CHARS, statusToRefresh,
  type OnSendDecision, type OnSendInput, type StatusRefresh,
} from './decide';
import {
  clip, CUSTOM_PROPERTY_KEY, decodeOnSendRecord, decodeOnSendSettings, decodeStatusSummary, encodeRoamingSettings,
  extractLinks, OnSendFormatError, ROAMING_SETTINGS_KEY, TASKPANE_COMMAND_ID,
  type OnSendRecord, type OnSendSettings,
} from './format';
import { languageOf, message } from './messages';

/** The parts of the Office namespace the handler uses. */
export type OnSendOffice = Pick<typeof Office, 'context' | 'AsyncResultStatus' | 'CoercionType' | 'MailboxEnums' | 'actions'>;

/** The event Outlook passes to an event-based handler. */
export interface CompletableEvent {
  completed(options?: Office.SmartAlertsEventCompletedOptions): void;
}

export interface OnSendDeps {
  office: OnSendOffice;
  /** Absent where the runtime has none: the handler then decides without the server. */
  fetch?: typeof fetch;
  /** Origin of the Mötescheck server (absolute: the JavaScript-only runtime has no page origin). */
  baseUrl: string;
  /** A silent token, or null when none is available; the calls then go without one. */
  getToken?: () => Promise<string | null>;
  /** Limit for each server call, token included. */
  timeoutMs?: number;
  /** Limit for the whole handler; past it the event completes as on an error. */
  deadlineMs?: number;
  log?: (text: string) => void;
}

export const ACTION_ON_APPOINTMENT_SEND = 'onAppointmentSend';
export const ACTION_ON_NEW_APPOINTMENT = 'onNewAppointment';
const NOTICE_KEY = 'motescheckNotice';
const DEFAULT_TIMEOUT_MS = 3000;
const DEFAULT_DEADLINE_MS = 30_000;

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/** The promise, or a rejection after `ms` (when the runtime has timers); `onTimeout` runs then. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  if (typeof setTimeout !== 'function') return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (onTimeout) onTimeout();
      reject(new TimeoutError(`no answer within ${ms} ms`));
    }, ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

function officeCall<T>(office: OnSendOffice, start: (callback: Callback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error ? result.error.message : 'Office.js call failed'));
    });
  });
}

/** Smart Alerts options for a decision. */
export function completedOptions(decision: OnSendDecision, office: OnSendOffice, lang: Lang): Office.SmartAlertsEventCompletedOptions {
  if (decision.allowEvent) return { allowEvent: true };
  const options: Office.SmartAlertsEventCompletedOptions = { allowEvent: false, errorMessage: decision.errorMessage };
  if (decision.sendModeOverride === 'PromptUser') {
    // The enum arrived with Mailbox 1.14; its value is the string Outlook reads.
    const modes = office.MailboxEnums.SendModeOverride as typeof Office.MailboxEnums.SendModeOverride | undefined;
    options.sendModeOverride = modes ? modes.PromptUser : ('promptUser' as Office.MailboxEnums.SendModeOverride);
  }
  if (decision.openTaskPane) {
    options.commandId = TASKPANE_COMMAND_ID;
    options.cancelLabel = message('openPane', lang);
  }
  return options;
}

export interface OnSendHandlers {
  onAppointmentSend(event: CompletableEvent): Promise<OnSendDecision>;
  onNewAppointment(event: CompletableEvent): Promise<void>;
}

export function createOnSendHandlers(deps: OnSendDeps): OnSendHandlers {
  const { office } = deps;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = deps.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const log = deps.log ?? (() => undefined);
  const base = deps.baseUrl.replace(/\/+$/, '');

  const appointment = () => {
    const item = office.context.mailbox.item as Office.AppointmentCompose | null | undefined;
    if (!item) throw new Error('no appointment is open');
    return item;
  };

  const addNotice = (text: string) => officeCall<void>(office, (cb) => appointment().notificationMessages.addAsync(NOTICE_KEY, {
    type: office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
    message: clip(text, MAX_NOTICE_CHARS),
    icon: 'icon-16',
    persistent: false,
  }, cb));

  /** One GET to the server, token included, within the time limit; throws on any failure. */
  const getJson = (path: string): Promise<unknown> => {
    const fetchImpl = deps.fetch;
    if (!fetchImpl) return Promise.reject(new Error('this runtime has no fetch'));
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const call = async () => {
      const token = deps.getToken ? await deps.getToken().catch(() => null) : null;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers['authorization'] = `Bearer ${token}`;
      const init: RequestInit = { method: 'GET', headers };
      if (controller) init.signal = controller.signal;
      const response = await fetchImpl(`${base}${path}`, init);
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    };
    return withTimeout(call(), timeoutMs, () => { if (controller) controller.abort(); });
  };

  const readRecord = (properties: Office.CustomProperties): OnSendRecord | 'unreadable' | null => {
    try {
      return decodeOnSendRecord(properties.get(CUSTOM_PROPERTY_KEY));
    } catch (error) {
      if (error instanceof OnSendFormatError) return 'unreadable';
      throw error;
    }
  };

  const readRoamingSettings = (): OnSendSettings | null => {
    try {
      return decodeOnSendSettings(office.context.roamingSettings.get(ROAMING_SETTINGS_KEY));
    } catch (error) {
      // Unreadable settings are missing settings: the server's copy replaces them.
      if (error instanceof OnSendFormatError) return null;
      throw error;
    }
  };

  /** The one settings fetch when the roaming settings are missing; kept in the roaming settings for next time. */
  const fetchSettings = async (): Promise<OnSendSettings | null> => {
    let settings: OnSendSettings | null;
    try {
      settings = decodeOnSendSettings(await getJson('/api/onsend-settings'));
    } catch (error) {
      log(`on-send settings unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    if (settings) {
      const roaming = office.context.roamingSettings;
      const encoded = encodeRoamingSettings(settings);
      for (const key of Object.keys(encoded)) roaming.set(key, encoded[key]);
      await withTimeout(officeCall<void>(office, (cb) => roaming.saveAsync(cb)), timeoutMs)
        .catch((error: unknown) => log(`roaming settings not saved: ${error instanceof Error ? error.message : String(error)}`));
    }
    return settings;
  };

  const fetchStatus = async (assessmentId: string): Promise<StatusRefresh> => {
    try {
      return decodeStatusSummary(await getJson(`/api/assessments/${encodeURIComponent(assessmentId)}/status`));
    } catch (error) {
      log(`status of ${assessmentId} unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return 'unreachable';
    }
  };

  const decide = async (lang: Lang): Promise<OnSendDecision> => {
    const item = appointment();
    const [bodyHtml, location, required, optional, start, properties] = await Promise.all([
      officeCall<string>(office, (cb) => item.body.getAsync(office.CoercionType.Html, cb)),
      officeCall<string>(office, (cb) => item.location.getAsync(cb)),
      officeCall<Office.EmailAddressDetails[]>(office, (cb) => item.requiredAttendees.getAsync(cb)),
      officeCall<Office.EmailAddressDetails[]>(office, (cb) => item.optionalAttendees.getAsync(cb)),
      officeCall<Date>(office, (cb) => item.start.getAsync(cb)),
      officeCall<Office.CustomProperties>(office, (cb) => item.loadCustomPropertiesAsync(cb)),
    ]);
    const profile = office.context.mailbox.userProfile;
    const input: OnSendInput = {
      lang,
      item: {
        links: extractLinks(bodyHtml || '', location || ''),
        attendees: (required || []).concat(optional || []).map((a) => (a && a.emailAddress) || null),
        userEmail: (profile && profile.emailAddress) || null,
        start: start || null,
      },
      record: readRecord(properties),
      settings: readRoamingSettings(),
    };
    // Settings are needed only to judge a meeting without a check, and only one with a link can concern it.
    if (input.settings === null && input.record === null && input.item.links.length > 0) input.settings = await fetchSettings();
    const refresh = statusToRefresh(input);
    if (refresh) input.refreshed = await fetchStatus(refresh.assessmentId);
    return decideOnSend(input);
  };

  return {
    onAppointmentSend(event) {
      let lang: Lang = 'sv';
      return new Promise<OnSendDecision>((resolve) => {
        let settled = false;
        let timer: ReturnType<typeof setTimeout> | null = null;
        // The one place the event completes: the first decision wins, later ones (a late callback,
        // the deadline, a throw from `completed` itself) are dropped.
        const settle = (decision: OnSendDecision): void => {
          if (settled) return;
          settled = true;
          if (timer !== null) clearTimeout(timer);
          resolve(decision);
          event.completed(completedOptions(decision, office, lang));
        };
        const fail = (error: unknown): void => {
          log(`on-send check failed: ${error instanceof Error ? error.message : String(error)}`);
          settle(errorDecision(lang));
        };
        if (typeof setTimeout === 'function') {
          timer = setTimeout(() => fail(new TimeoutError(`the check took longer than ${deadlineMs} ms`)), deadlineMs);
        }
        Promise.resolve()
          .then(() => {
            lang = languageOf(office.context.displayLanguage);
            return decide(lang);
          })
          .then(async (decision) => {
            // An item let through unchecked says so on the item; the notice is a courtesy, not a condition.
            if (decision.notice) {
              await withTimeout(addNotice(decision.notice), timeoutMs)
                .catch((error: unknown) => log(`notice not shown: ${error instanceof Error ? error.message : String(error)}`));
            }
            settle(decision);
          })
          .catch(fail);
      });
    },

    onNewAppointment(event) {
      return Promise.resolve()
        .then(() => withTimeout(addNotice(message('newAppointment', languageOf(office.context.displayLanguage))), timeoutMs))
        .catch((error: unknown) => log(`reminder not shown: ${error instanceof Error ? error.message : String(error)}`))
        .then(() => event.completed());
    },
  };
}

/** Binds the handlers to the manifest's action ids. */
export function registerOnSendHandlers(deps: OnSendDeps): OnSendHandlers {
  const handlers = createOnSendHandlers(deps);
  deps.office.actions.associate(ACTION_ON_APPOINTMENT_SEND, handlers.onAppointmentSend);
  deps.office.actions.associate(ACTION_ON_NEW_APPOINTMENT, handlers.onNewAppointment);
  return handlers;
}
