// What the on-send handler reads, and the one place that writes and reads it: the item's custom
// properties (this meeting's check) and the add-in's roaming settings (what the handler needs before
// any check exists). The task pane writes both with the encoders here; the handler decodes them.
// Ids, categories, dates and link patterns only — never a name, address, subject or body.
//
// This module is bundled into the on-send handler, which classic Outlook runs in a JavaScript-only
// runtime: no DOM, no `URL`, no `Intl` time zones are relied on, and it imports types only.
import type { Assessment, AssessmentMode, AssessmentStatus } from '../../../api/contract';
import type { DigitalOutcome, OnSendMode, Policy, Text } from '../../../policy/types';

/** The custom property (one per add-in and item) holding this meeting's {@link OnSendRecord}. */
export const CUSTOM_PROPERTY_KEY = 'motescheck';
/** The roaming setting holding the {@link OnSendSettings}. */
export const ROAMING_SETTINGS_KEY = 'motescheckOnSend';
/** Outlook's limit for all of one add-in's custom properties on an item, serialised. */
export const CUSTOM_PROPERTIES_MAX_CHARS = 2500;
/** The manifest id of the ribbon button that opens the task pane (Smart Alerts `commandId`). */
export const TASKPANE_COMMAND_ID = 'motescheckOpenPane';
/** Longest blocking reason or approver comment kept on the item, per text. */
export const SHORT_TEXT_MAX_CHARS = 200;

export interface OnSendPolicy { noAssessment: OnSendMode; pendingApproval: OnSendMode }
/** The policy's `onSend` when it has none: both 'block' (DESIGN.md, policy contract). */
export const DEFAULT_ON_SEND: OnSendPolicy = { noAssessment: 'block', pendingApproval: 'block' };

/** One meeting's check as the on-send handler needs it (DESIGN.md, "Outlook on-send"). */
export interface OnSendRecord {
  v: 1;
  assessmentId: string;
  revision: number;
  status: AssessmentStatus;
  mode: AssessmentMode;
  /** "inte ett klientmöte": the check does not concern this meeting. */
  notClientMeeting: boolean;
  serviceId: string | null;
  serviceLabel: string | null;
  /** The assessed service's `meetingLinkPatterns`; empty for a physical meeting or a service without any. */
  linkPatterns: string[];
  /** The assessed start as a calendar date in Europe/Stockholm, YYYY-MM-DD. */
  startDate: string;
  /** The verdict's `digital`. */
  outcome: DigitalOutcome;
  /** Why a digital meeting is not allowed, short, in both languages. */
  blockingReason: Text | null;
  /** The approver's comment on a rejection (already refused by the server when it holds a personal identity number). */
  comment: string | null;
  onSend: OnSendPolicy;
}

/** What the handler needs before any check exists, refreshed by the task pane from the published policy. */
export interface OnSendSettings {
  v: 1;
  /** The published policy's `policyVersion` the settings were taken from, when known. */
  policyVersion: string | null;
  /** Attendee mail domains that are the organisation's own; null: the user's own mail domain. */
  internalDomains: string[] | null;
  /** Every catalogue service's `meetingLinkPatterns`. */
  linkPatterns: string[];
  onSend: OnSendPolicy;
}

/** The answer of `GET /api/assessments/:id/status` as the handler reads it. */
export interface StatusSummary {
  revision: number;
  status: AssessmentStatus;
  comment: string | null;
}

export class OnSendFormatError extends Error {
  override readonly name = 'OnSendFormatError';
}

// ---------------------------------------------------------------------------------------------
// Building and encoding (task pane side)

const STATUSES: readonly AssessmentStatus[] = ['draft', 'awaiting-approval', 'approved', 'rejected', 'ready', 'withdrawn', 'needs-recheck'];
const OUTCOMES: readonly DigitalOutcome[] = ['allowed', 'allowed-with-deviation', 'not-allowed'];

/** Cuts a text to `max` characters, ending in an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+$/, '')}…`;
}

function clipText(text: Text): Text {
  return { sv: clip(text.sv, SHORT_TEXT_MAX_CHARS), en: clip(text.en, SHORT_TEXT_MAX_CHARS) };
}

/**
 * The record for an assessment the server returned. The service's patterns and the `onSend` choice
 * come from the published policy the pane shows; the blocking reason is the server's, else the
 * verdict's first blocking reason.
 */
export function onSendRecordFor(assessment: Assessment, policy: Policy): OnSendRecord {
  const service = assessment.mode === 'digital' && assessment.serviceId
    ? policy.services.find((s) => s.id === assessment.serviceId) ?? null
    : null;
  const firstBlock = assessment.verdict.reasons.find((r) => r.severity === 'block');
  const reason = assessment.blockingReason ?? firstBlock?.text ?? null;
  const comment = assessment.status === 'rejected' ? assessment.decision?.comment ?? null : null;
  const startDate = stockholmDateOf(assessment.start);
  if (!startDate) throw new OnSendFormatError(`the assessment's start is not a date-time: ${assessment.start}`);
  return {
    v: 1,
    assessmentId: assessment.id,
    revision: assessment.revision,
    status: assessment.status,
    mode: assessment.mode,
    notClientMeeting: assessment.notClientMeeting === true,
    serviceId: assessment.mode === 'digital' ? assessment.serviceId : null,
    serviceLabel: service ? service.label : null,
    linkPatterns: service ? [...(service.meetingLinkPatterns ?? [])] : [],
    startDate,
    outcome: assessment.verdict.digital,
    blockingReason: reason ? clipText(reason) : null,
    comment: comment ? clip(comment, SHORT_TEXT_MAX_CHARS) : null,
    onSend: { ...(policy.onSend ?? DEFAULT_ON_SEND) },
  };
}

/** The custom properties to save on the item; throws when they would exceed Outlook's 2,500 characters. */
export function encodeCustomProperties(record: OnSendRecord): Record<string, string> {
  const encoded = { [CUSTOM_PROPERTY_KEY]: JSON.stringify(record) };
  const size = JSON.stringify(encoded).length;
  if (size > CUSTOM_PROPERTIES_MAX_CHARS) {
    throw new OnSendFormatError(`the on-send record takes ${size} characters; Outlook keeps at most ${CUSTOM_PROPERTIES_MAX_CHARS} per add-in and item (shorten the service's link patterns)`);
  }
  return encoded;
}

/** The on-send settings from a published policy. */
export function onSendSettingsFor(policy: Policy, policyVersion: string | null = null): OnSendSettings {
  const patterns: string[] = [];
  for (const service of policy.services) {
    for (const p of service.meetingLinkPatterns ?? []) if (patterns.indexOf(p) < 0) patterns.push(p);
  }
  return {
    v: 1,
    policyVersion,
    internalDomains: policy.internalDomains && policy.internalDomains.length > 0
      ? policy.internalDomains.map((d) => d.toLowerCase())
      : null,
    linkPatterns: patterns,
    onSend: { ...(policy.onSend ?? DEFAULT_ON_SEND) },
  };
}

export function encodeRoamingSettings(settings: OnSendSettings): Record<string, string> {
  return { [ROAMING_SETTINGS_KEY]: JSON.stringify(settings) };
}

// ---------------------------------------------------------------------------------------------
// Decoding (handler side): hand-written checks, as the handler bundle carries no schema library.

type Json = Record<string, unknown>;

function parseJsonObject(value: unknown, what: string): Json {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new OnSendFormatError(`${what} is not JSON`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new OnSendFormatError(`${what} is not an object`);
  return parsed as Json;
}

function fail(what: string, field: string, expected: string): never {
  throw new OnSendFormatError(`${what}: ${field} must be ${expected}`);
}

function str(o: Json, field: string, what: string): string {
  const v = o[field];
  if (typeof v !== 'string' || v === '') fail(what, field, 'a non-empty string');
  return v;
}

function strOrNull(o: Json, field: string, what: string): string | null {
  const v = o[field];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') fail(what, field, 'a string or null');
  return v;
}

function strings(o: Json, field: string, what: string): string[] {
  const v = o[field];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) fail(what, field, 'a list of strings');
  return v as string[];
}

function oneOf<T extends string>(o: Json, field: string, values: readonly T[], what: string): T {
  const v = o[field];
  if (typeof v !== 'string' || values.indexOf(v as T) < 0) fail(what, field, `one of ${values.join(', ')}`);
  return v as T;
}

function onSendPolicy(o: Json, what: string): OnSendPolicy {
  const v = o['onSend'];
  if (v === undefined || v === null) return { ...DEFAULT_ON_SEND };
  if (typeof v !== 'object') fail(what, 'onSend', 'an object');
  const modes = ['prompt', 'block'] as const;
  return {
    noAssessment: oneOf(v as Json, 'noAssessment', modes, `${what}.onSend`),
    pendingApproval: oneOf(v as Json, 'pendingApproval', modes, `${what}.onSend`),
  };
}

/**
 * This meeting's record from the item's custom properties (`customProperties.get(CUSTOM_PROPERTY_KEY)`):
 * null when there is none; throws OnSendFormatError when one is there but cannot be read.
 */
export function decodeOnSendRecord(value: unknown): OnSendRecord | null {
  if (value === undefined || value === null || value === '') return null;
  const what = 'the on-send record';
  const o = parseJsonObject(value, what);
  if (o['v'] !== 1) fail(what, 'v', '1');
  const revision = o['revision'];
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 1) fail(what, 'revision', 'a whole number ≥ 1');
  const startDate = str(o, 'startDate', what);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) fail(what, 'startDate', 'a date YYYY-MM-DD');
  const reason = o['blockingReason'];
  let blockingReason: Text | null = null;
  if (reason !== null && reason !== undefined) {
    if (typeof reason !== 'object') fail(what, 'blockingReason', 'an object {sv, en} or null');
    blockingReason = { sv: str(reason as Json, 'sv', `${what}.blockingReason`), en: str(reason as Json, 'en', `${what}.blockingReason`) };
  }
  return {
    v: 1,
    assessmentId: str(o, 'assessmentId', what),
    revision,
    status: oneOf(o, 'status', STATUSES, what),
    mode: oneOf(o, 'mode', ['digital', 'physical'] as const, what),
    notClientMeeting: o['notClientMeeting'] === true,
    serviceId: strOrNull(o, 'serviceId', what),
    serviceLabel: strOrNull(o, 'serviceLabel', what),
    linkPatterns: strings(o, 'linkPatterns', what),
    startDate,
    outcome: oneOf(o, 'outcome', OUTCOMES, what),
    blockingReason,
    comment: strOrNull(o, 'comment', what),
    onSend: onSendPolicy(o, what),
  };
}

/**
 * The on-send settings from the roaming setting or from `GET /api/onsend-settings` (the same shape;
 * `v` may be left out there): null when there are none; throws OnSendFormatError when unreadable.
 */
export function decodeOnSendSettings(value: unknown): OnSendSettings | null {
  if (value === undefined || value === null || value === '') return null;
  const what = 'the on-send settings';
  const o = parseJsonObject(value, what);
  if (o['v'] !== undefined && o['v'] !== 1) fail(what, 'v', '1');
  const domains = o['internalDomains'];
  return {
    v: 1,
    policyVersion: strOrNull(o, 'policyVersion', what),
    internalDomains: domains === null || domains === undefined ? null : strings(o, 'internalDomains', what).map((d) => d.toLowerCase()),
    linkPatterns: strings(o, 'linkPatterns', what),
    onSend: onSendPolicy(o, what),
  };
}

/** The status endpoint's answer (`{id, revision, status}`, and `comment` on a rejection when the server gives it). */
export function decodeStatusSummary(value: unknown): StatusSummary {
  const what = 'the status answer';
  const o = parseJsonObject(value, what);
  const revision = o['revision'];
  if (typeof revision !== 'number' || !Number.isInteger(revision)) fail(what, 'revision', 'a whole number');
  const decision = o['decision'];
  const decisionComment = typeof decision === 'object' && decision !== null ? (decision as Json)['comment'] : undefined;
  const comment = typeof o['comment'] === 'string' ? o['comment'] : typeof decisionComment === 'string' ? decisionComment : null;
  return { revision, status: oneOf(o, 'status', STATUSES, what), comment: comment ? clip(comment, SHORT_TEXT_MAX_CHARS) : null };
}

// ---------------------------------------------------------------------------------------------
// Meeting links
//
// A link pattern is a URL in which `*` is a wildcard, matched against the whole link:
// - no scheme means `https://`; a `*` scheme means http or https;
// - the host is compared without regard to case; a leading `*.` matches the bare domain and any
//   subdomain (`https://*.example.se/*` matches `https://example.se/a` and `https://a.b.example.se/a`),
//   any other `*` in the host matches within one label and never crosses a `.`, `/` or `@`;
// - in the path and query `*` matches any run of characters; a pattern without a path matches every
//   path on its host; the comparison ignores case (clients differ in `%3a` / `%3A`);
// - the link is compared with Outlook's Safe Links wrapper removed, its default port and fragment
//   dropped, and user information before the host removed.

const SAFE_LINKS_HOST = /(^|\.)safelinks\.protection\.outlook\.com$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const compiledPatterns = new Map<string, RegExp | null>();

/** The pattern as an anchored regular expression, or null when it is not a URL pattern. */
export function compileLinkPattern(pattern: string): RegExp | null {
  const known = compiledPatterns.get(pattern);
  if (known !== undefined) return known;
  let compiled: RegExp | null = null;
  const withScheme = pattern.indexOf('://') < 0 ? `https://${pattern}` : pattern;
  const m = /^(\*|https?):\/\/([^/?#]+)(.*)$/i.exec(withScheme.trim());
  if (m) {
    const scheme = m[1] === '*' ? 'https?' : m[1]!.toLowerCase();
    let host = m[2]!.toLowerCase();
    let hostRe = '';
    if (host.indexOf('*.') === 0) {
      hostRe = '(?:[a-z0-9-]+\\.)*';
      host = host.slice(2);
    }
    hostRe += host.split('*').map(escapeRegExp).join('[a-z0-9-]*');
    const rest = m[3]!;
    const restRe = rest === '' ? '(?:[/?].*)?' : rest.split('*').map(escapeRegExp).join('.*');
    compiled = new RegExp(`^${scheme}://${hostRe}${restRe}$`, 'i');
  }
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

export function matchesLinkPattern(link: string, pattern: string): boolean {
  const re = compileLinkPattern(pattern);
  const normalised = normaliseLink(link);
  return re !== null && normalised !== null && re.test(normalised);
}

export function matchesAnyPattern(link: string, patterns: readonly string[]): boolean {
  for (const p of patterns) if (matchesLinkPattern(link, p)) return true;
  return false;
}

/** A link in the form patterns are matched against, or null for anything that is not an http(s) URL. */
export function normaliseLink(raw: string, depth = 0): string | null {
  const m = /^(https?):\/\/([^/?#]*)([^#]*)/i.exec(raw.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  let authority = m[2]!.toLowerCase();
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  if ((scheme === 'https' && /:443$/.test(authority)) || (scheme === 'http' && /:80$/.test(authority))) {
    authority = authority.replace(/:\d+$/, '');
  }
  if (authority === '') return null;
  const rest = m[3]!;
  if (SAFE_LINKS_HOST.test(authority.replace(/:\d+$/, '')) && depth < 2) {
    const inner = /[?&]url=([^&]*)/i.exec(rest);
    if (!inner) return null;
    try {
      return normaliseLink(decodeURIComponent(inner[1]!.replace(/\+/g, ' ')), depth + 1);
    } catch {
      return null;
    }
  }
  return `${scheme}://${authority}${rest}`;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Every http(s) link in the body HTML and the location, normalised, each once, in order of appearance. */
export function extractLinks(bodyHtml: string, location: string): string[] {
  const found: string[] = [];
  const text = `${decodeEntities(bodyHtml)}\n${location}`;
  const re = /https?:\/\/[^\s"'<>`{}|\\^[\]]+/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const link = normaliseLink(m[0].replace(/[.,;:!?)]+$/, ''));
    if (link !== null && found.indexOf(link) < 0) found.push(link);
  }
  return found;
}

/**
 * Online-meeting services recognised whatever the policy's catalogue says, so that a link to a
 * service the policy does not list still counts as an online meeting.
 */
export const WELL_KNOWN_MEETING_LINK_PATTERNS: readonly string[] = [
  'https://teams.microsoft.com/l/meetup-join/*',
  'https://teams.microsoft.com/meet/*',
  'https://teams.live.com/meet/*',
  'https://*.zoom.us/j/*',
  'https://*.zoom.us/my/*',
  'https://*.zoom.us/w/*',
  'https://*.webex.com/*',
  'https://meet.google.com/*',
  'https://whereby.com/*',
  'https://meet.jit.si/*',
  'https://join.skype.com/*',
  'https://meet.goto.com/*',
  'https://*.gotomeeting.com/join/*',
];

/** The links that are online-meeting links: those a catalogue pattern or a well-known service matches. */
export function meetingLinks(links: readonly string[], catalogPatterns: readonly string[]): string[] {
  return links.filter((l) => matchesAnyPattern(l, catalogPatterns) || matchesAnyPattern(l, WELL_KNOWN_MEETING_LINK_PATTERNS));
}

/** The first service whose patterns match one of the links (the task pane's recognition), or null. */
export function recogniseServiceId(links: readonly string[], services: readonly { id: string; meetingLinkPatterns?: string[] }[]): string | null {
  for (const link of links) {
    for (const s of services) if (matchesAnyPattern(link, s.meetingLinkPatterns ?? [])) return s.id;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Attendees and dates

/** The mail domain of an address, lower-cased, or null when it is not an address. */
export function domainOf(address: string | null | undefined): string | null {
  const a = (address ?? '').trim();
  const at = a.lastIndexOf('@');
  if (at < 1 || at === a.length - 1) return null;
  return a.slice(at + 1).toLowerCase();
}

/** A domain is internal when it is one of the internal domains or a subdomain of one. */
export function isInternalDomain(domain: string, internalDomains: readonly string[]): boolean {
  for (const d of internalDomains) {
    if (domain === d || domain.slice(-(d.length + 1)) === `.${d}`) return true;
  }
  return false;
}

/** True when an attendee is outside the internal domains; an attendee without a readable address counts as outside. */
export function hasExternalAttendee(addresses: readonly (string | null | undefined)[], internalDomains: readonly string[]): boolean {
  for (const a of addresses) {
    const domain = domainOf(a);
    if (domain === null || !isInternalDomain(domain, internalDomains)) return true;
  }
  return false;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function lastSundayUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY;
}

/**
 * The calendar date in Europe/Stockholm of an instant, by the EU summer-time rule (UTC+2 from the
 * last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else UTC+1) — without
 * `Intl` time-zone data, which the JavaScript-only runtime may lack. Null for an invalid instant.
 */
export function stockholmDateOf(instant: Date | string | number): string | null {
  const t = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  const summer = t >= lastSundayUtc(year, 2) + HOUR && t < lastSundayUtc(year, 9) + HOUR;
  return new Date(t + (summer ? 2 : 1) * HOUR).toISOString().slice(0, 10);
}
