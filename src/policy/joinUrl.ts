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
