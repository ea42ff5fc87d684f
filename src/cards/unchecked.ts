// What the second line of control sends when it finds a client meeting (online, with an external
// attendee) in a caseworker's calendar without a completed check: to the caseworker, or to their
// manager. The card knows the meeting only by its start: never its subject, attendees or anything
// about the client.
import type { SweepProblem } from '../api/contract';
import type { Lang } from '../policy/types';
import { card, container, rich, run, uiText, type Action, type AdaptiveCard, type Element } from './adaptive';
import { formatDateTime } from './format';
import { fact } from './sections';
import { STRINGS, type UncheckedAudience } from './strings';

export interface UncheckedMeetingCardInput {
  finding: { eventId: string; start: string; problem: SweepProblem; assessmentId: string | null };
  /** Who reads it: the caseworker whose calendar holds the meeting, or their manager. */
  audience: UncheckedAudience;
  /** Display name of the caseworker, for the manager's card. */
  names: { caseworker?: string };
  lang: Lang;
  /** The event's Outlook web link (Graph event.webLink), when known. Only https URLs are used; others are ignored. */
  eventUrl?: string;
}

/** The URL when it is an absolute https URL; otherwise nothing. */
export function httpsUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Tells the caseworker, or their manager, that a client meeting has no completed check, and what to do. */
export function uncheckedMeetingCard(input: UncheckedMeetingCardInput): AdaptiveCard {
  const { finding, audience, lang } = input;
  const s = STRINGS[lang];
  const u = s.unchecked;
  const when = formatDateTime(finding.start, lang);
  const problem = fact(u.check, [run(u.problem[finding.problem], { weight: 'bolder', color: 'attention' })]);

  const notice: Element[] = [];
  if (audience === 'manager') {
    const name = input.names.caseworker?.trim();
    notice.push(
      rich([
        ...(name ? [run(name, { weight: 'bolder' }), run(u.manager.genitive(name), { weight: 'bolder' })] : [run(u.manager.someone, { weight: 'bolder' })]),
        run(` ${u.manager.meeting} `, { weight: 'bolder' }), run(when, { weight: 'bolder' }), run(` ${u.manager.missing}`, { weight: 'bolder' }),
      ]),
      problem,
      uiText(u.managerNext, { spacing: 'small' }),
    );
  } else {
    notice.push(
      fact(s.when, [run(when)]),
      problem,
      uiText(u.caseworkerNext, { spacing: 'small', weight: 'bolder' }),
    );
  }

  const body: Element[] = [
    uiText(`${s.appName} · ${u.kicker}`, { size: 'small', isSubtle: true, spacing: 'none' }),
    uiText(u.title[audience], { size: 'large', weight: 'bolder', style: 'heading', spacing: 'small' }),
    container(notice, { style: 'attention', spacing: 'medium' }),
  ];
  if (audience === 'caseworker') body.push(uiText(u.notClientMeeting, { spacing: 'medium' }));
  body.push(uiText(u.why, { size: 'small', isSubtle: true, spacing: 'medium' }));

  // The web link opens the event in its owner's mailbox: of use to the caseworker only.
  const url = audience === 'caseworker' ? httpsUrl(input.eventUrl) : undefined;
  const actions: Action[] = url ? [{ type: 'Action.OpenUrl', title: u.openEvent, url }] : [];
  return card(body, { fallbackText: u.fallback, ...(actions.length > 0 ? { actions } : {}) });
}
