// The on-send decision of DESIGN.md ("Outlook on-send"), pure: what the item carries now, this
// meeting's check from its custom properties, the roaming settings and — for a check awaiting
// approval — the status the server gave, in; whether Outlook may send, and what to tell the user, out.
import type { Lang } from '../../../policy/types';
import {
  clip, hasExternalAttendee, matchesAnyPattern, meetingLinks, stockholmDateOf,
  type OnSendPolicy, type OnSendRecord, type OnSendSettings, type StatusSummary,
} from './format';
import { message, type MessageKey } from './messages';

/** Smart Alerts shows at most 500 characters. */
export const MAX_MESSAGE_CHARS = 500;
/** Outlook refuses a notification longer than 150 characters. */
export const MAX_NOTICE_CHARS = 150;

/** Why the handler decided as it did; one per path of the decision. */
export type OnSendCode =
  | 'not-concerned' | 'settings-unavailable' | 'no-assessment' | 'draft' | 'withdrawn' | 'unreadable'
  | 'not-client-meeting' | 'needs-recheck' | 'link-on-physical' | 'link-not-assessed-service' | 'start-moved'
  | 'not-allowed' | 'awaiting-approval' | 'revision-changed' | 'rejected' | 'approved' | 'ready' | 'error';

export interface OnSendDecision {
  code: OnSendCode;
  allowEvent: boolean;
  /** Shown in the Smart Alerts dialog when the item is held. */
  errorMessage?: string;
  /** The policy says "prompt": the user may send anyway. */
  sendModeOverride?: 'PromptUser';
  /** The dialog offers the button that opens the task pane (a check is missing or must be redone). */
  openTaskPane?: boolean;
  /** An informational notification on an item that is let through unchecked. */
  notice?: string;
}

/** What the item carries when the user sends it. */
export interface ItemFacts {
  /** Every link in the body and location, normalised (format.ts `extractLinks`). */
  links: string[];
  /** Required and optional attendees' addresses. */
  attendees: (string | null)[];
  /** The signed-in user's address: the internal domain when the policy names none. */
  userEmail: string | null;
  start: Date | string | null;
}

export type StatusRefresh = StatusSummary | 'unreachable';

export interface OnSendInput {
  lang: Lang;
  item: ItemFacts;
  /** The check in the custom properties; 'unreadable' when one is there but cannot be read. */
  record: OnSendRecord | 'unreadable' | null;
  /** The roaming settings (or the server's, fetched when they were missing); null when neither. */
  settings: OnSendSettings | null;
  /** The server's current status for a check awaiting approval; absent when it was not asked. */
  refreshed?: StatusRefresh;
}

function allow(code: OnSendCode): OnSendDecision {
  return { code, allowEvent: true };
}

function hold(code: OnSendCode, lang: Lang, key: MessageKey, options: { prompt?: boolean; openTaskPane?: boolean; values?: Record<string, string> } = {}): OnSendDecision {
  const decision: OnSendDecision = { code, allowEvent: false, errorMessage: clip(message(key, lang, options.values), MAX_MESSAGE_CHARS) };
  if (options.prompt) decision.sendModeOverride = 'PromptUser';
  if (options.openTaskPane) decision.openTaskPane = true;
  return decision;
}

function noAssessment(code: 'no-assessment' | 'draft' | 'withdrawn', lang: Lang, onSend: OnSendPolicy): OnSendDecision {
  const key = code === 'no-assessment' ? 'noAssessment' : code;
  return hold(code, lang, key, { prompt: onSend.noAssessment === 'prompt', openTaskPane: true });
}

function pending(lang: Lang, onSend: OnSendPolicy, unreachable: boolean): OnSendDecision {
  return hold('awaiting-approval', lang, unreachable ? 'awaitingApprovalUnreachable' : 'awaitingApproval', { prompt: onSend.pendingApproval === 'prompt' });
}

/** A meeting with no check: the check applies when it has an online-meeting link and an external attendee. */
function withoutRecord(input: OnSendInput): OnSendDecision {
  const { item, settings, lang } = input;
  if (settings === null) {
    // Nothing to recognise a meeting link in: such an item cannot concern the check.
    if (item.links.length === 0) return allow('not-concerned');
    return { code: 'settings-unavailable', allowEvent: true, notice: clip(message('settingsUnavailable', lang), MAX_NOTICE_CHARS) };
  }
  if (meetingLinks(item.links, settings.linkPatterns).length === 0) return allow('not-concerned');
  const userDomain = item.userEmail ? item.userEmail.slice(item.userEmail.lastIndexOf('@') + 1).toLowerCase() : '';
  const internal = settings.internalDomains ?? (userDomain ? [userDomain] : []);
  if (!hasExternalAttendee(item.attendees, internal)) return allow('not-concerned');
  return noAssessment('no-assessment', lang, settings.onSend);
}

/**
 * The record's own verdict on the item, in DESIGN.md's order. A check awaiting approval comes back
 * as 'awaiting-approval' for the caller to refresh; `refreshed` says the status is already the server's.
 */
function withRecord(record: OnSendRecord, input: OnSendInput, refreshed: boolean): OnSendDecision {
  const { lang, item } = input;
  if (record.status === 'draft' || record.status === 'withdrawn') return noAssessment(record.status, lang, record.onSend);
  if (record.notClientMeeting) return allow('not-client-meeting');
  if (record.status === 'needs-recheck') return hold('needs-recheck', lang, 'needsRecheck', { openTaskPane: true });

  const catalog = input.settings ? input.settings.linkPatterns.concat(record.linkPatterns) : record.linkPatterns;
  const links = meetingLinks(item.links, catalog);
  if (record.mode === 'physical' && links.length > 0) return hold('link-on-physical', lang, 'linkOnPhysical', { openTaskPane: true });
  if (record.mode === 'digital' && links.some((l) => !matchesAnyPattern(l, record.linkPatterns))) {
    const service = record.serviceLabel ?? record.serviceId ?? message('unknownService', lang);
    return hold('link-not-assessed-service', lang, 'linkNotAssessedService', { openTaskPane: true, values: { service } });
  }
  const startDate = item.start === null ? null : stockholmDateOf(item.start);
  if (startDate !== null && startDate !== record.startDate) {
    return hold('start-moved', lang, 'startMoved', { openTaskPane: true, values: { from: record.startDate, to: startDate } });
  }
  // A physical-mode check is not judged on `digital`.
  if (record.mode === 'digital' && record.outcome === 'not-allowed') {
    const reason = record.blockingReason ? record.blockingReason[lang] : '';
    return hold('not-allowed', lang, 'notAllowed', { openTaskPane: true, values: { reason } });
  }
  switch (record.status) {
    case 'awaiting-approval':
      return refreshed ? pending(lang, record.onSend, false) : { code: 'awaiting-approval', allowEvent: false };
    case 'rejected':
      return record.comment
        ? hold('rejected', lang, 'rejected', { openTaskPane: true, values: { comment: record.comment } })
        : hold('rejected', lang, 'rejectedNoComment', { openTaskPane: true });
    case 'approved':
      return allow('approved');
    case 'ready':
      return allow('ready');
  }
}

/** The check awaiting approval that the handler should ask the server about, or null. */
export function statusToRefresh(input: OnSendInput): { assessmentId: string; revision: number } | null {
  const { record } = input;
  if (record === null || record === 'unreadable') return null;
  const first = withRecord(record, input, false);
  return first.code === 'awaiting-approval' ? { assessmentId: record.assessmentId, revision: record.revision } : null;
}

/** The decision of DESIGN.md, "Outlook on-send". */
export function decideOnSend(input: OnSendInput): OnSendDecision {
  const { record, lang } = input;
  if (record === null) return withoutRecord(input);
  if (record === 'unreadable') return hold('unreadable', lang, 'unreadable', { openTaskPane: true });
  const first = withRecord(record, input, false);
  if (first.code !== 'awaiting-approval') return first;
  const refreshed = input.refreshed;
  if (refreshed === undefined || refreshed === 'unreachable') return pending(lang, record.onSend, true);
  // An approval covers exactly the revision the approver saw: another revision is not this item's check.
  if (refreshed.revision !== record.revision) return hold('revision-changed', lang, 'revisionChanged', { openTaskPane: true });
  return withRecord({ ...record, status: refreshed.status, comment: refreshed.comment ?? record.comment }, input, true);
}

/** What the handler does when anything fails: hold the item, and let the user send anyway. */
export function errorDecision(lang: Lang): OnSendDecision {
  return hold('error', lang, 'error', { prompt: true });
}
