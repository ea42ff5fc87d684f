// The meeting reference a join URL gives the server (the Outlook pane and the bot's Teams meeting info alike): `sha256:` over the normalised URL, computed in the
// browser so that the URL itself (which may carry a passcode) never leaves the item.
import { sha256Hex } from './version';

const SAFE_LINKS = /(^|\.)safelinks\.protection\.outlook\.com$/i;

/**
 * One spelling per meeting: Outlook's Safe Links wrapper removed, scheme and host lower-case, the
 * path percent-decoded (clients differ in `%3a` / `%3A`) without a trailing slash, and no query or
 * fragment (they hold passcodes and tracking, not the meeting's identity).
 */
export function normaliseJoinUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (SAFE_LINKS.test(url.hostname)) {
    const inner = url.searchParams.get('url');
    return inner ? normaliseJoinUrl(inner) : null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  path = path.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

export function joinUrlHash(raw: string): string | null {
  const normalised = normaliseJoinUrl(raw);
  return normalised === null ? null : `sha256:${sha256Hex(normalised)}`;
}

const MEETUP_JOIN = /^https:\/\/(?:[a-z0-9-]+\.)*teams\.microsoft\.(?:com|us)\/l\/meetup-join\/(19:meeting_[A-Za-z0-9_-]+@thread\.(?:v2|skype))(?:\/|$)/;

/**
 * The Teams meeting chat's id (`19:meeting_…@thread.v2`) that a classic join link carries in its path
 * (`/l/meetup-join/19%3ameeting_…%40thread.v2/0?context=…`); the meeting tab knows the meeting by this
 * chat id, so a check made in Outlook can name it. Null for other links (the short `/meet/` links
 * carry no chat id).
 */
export function meetingChatIdFromJoinUrl(raw: string): string | null {
  const normalised = normaliseJoinUrl(raw);
  return normalised === null ? null : (MEETUP_JOIN.exec(normalised)?.[1] ?? null);
}
