// The on-send handler's words, Swedish first and English for an English display language. Smart
// Alerts shows at most 500 characters, a custom button label at most 20 and a notification at most
// 150; decide.ts clips to those limits.
import type { Lang, Text } from '../../../policy/types';

export const MESSAGES = {
  noAssessment: {
    sv: 'Mötet har en länk till ett digitalt möte och deltagare utanför organisationen, men ingen förkontroll är gjord. Gör förkontrollen i Mötescheck innan du skickar inbjudan.',
    en: 'This meeting has an online-meeting link and attendees outside the organisation, but no pre-meeting check has been made. Do the check in Mötescheck before you send the invitation.',
  },
  draft: {
    sv: 'Förkontrollen för mötet är inte klar: den är inte skickad. Slutför den i Mötescheck innan du skickar inbjudan.',
    en: 'The pre-meeting check is not finished: it has not been submitted. Finish it in Mötescheck before you send the invitation.',
  },
  withdrawn: {
    sv: 'Förkontrollen för mötet är återkallad. Gör en ny kontroll i Mötescheck innan du skickar inbjudan.',
    en: 'The pre-meeting check for this meeting has been withdrawn. Make a new check in Mötescheck before you send the invitation.',
  },
  unreadable: {
    sv: 'Mötescheck kan inte läsa förkontrollen som är sparad i mötet. Gör om kontrollen i Mötescheck.',
    en: 'Mötescheck cannot read the pre-meeting check saved in this meeting. Redo the check in Mötescheck.',
  },
  needsRecheck: {
    sv: 'Förkontrollen behöver göras om: policyn eller förutsättningarna har ändrats sedan den gjordes. Gör om kontrollen i Mötescheck.',
    en: 'The pre-meeting check must be redone: the policy or the circumstances have changed since it was made. Redo the check in Mötescheck.',
  },
  linkOnPhysical: {
    sv: 'Förkontrollen gäller ett fysiskt möte, men inbjudan har en länk till ett digitalt möte. Gör om kontrollen i Mötescheck eller ta bort länken.',
    en: 'The pre-meeting check is for an in-person meeting, but the invitation has an online-meeting link. Redo the check in Mötescheck or remove the link.',
  },
  linkNotAssessedService: {
    sv: 'Möteslänken hör inte till tjänsten som förkontrollen gjordes för ({service}). Gör om kontrollen i Mötescheck.',
    en: 'The meeting link does not belong to the service the pre-meeting check was made for ({service}). Redo the check in Mötescheck.',
  },
  unknownService: { sv: 'okänd tjänst', en: 'unknown service' },
  startMoved: {
    sv: 'Mötets datum har ändrats sedan förkontrollen ({from} → {to}). Gör om kontrollen i Mötescheck.',
    en: 'The meeting date has changed since the pre-meeting check ({from} → {to}). Redo the check in Mötescheck.',
  },
  notAllowed: {
    sv: 'Ett digitalt möte är inte tillåtet enligt förkontrollen. {reason} Välj en annan tjänst eller ett fysiskt möte i Mötescheck.',
    en: 'A digital meeting is not allowed according to the pre-meeting check. {reason} Choose another service or an in-person meeting in Mötescheck.',
  },
  awaitingApproval: {
    sv: 'Förkontrollen väntar på chefens godkännande.',
    en: 'The pre-meeting check is awaiting your manager’s approval.',
  },
  awaitingApprovalUnreachable: {
    sv: 'Förkontrollen väntade på chefens godkännande, och Mötescheck kunde inte nå servern för att se om den har godkänts.',
    en: 'The pre-meeting check was awaiting your manager’s approval, and Mötescheck could not reach the server to see whether it has been approved.',
  },
  revisionChanged: {
    sv: 'Förkontrollen har ändrats sedan den sparades i mötet. Öppna Mötescheck så att mötet får den senaste kontrollen.',
    en: 'The pre-meeting check has changed since it was saved in this meeting. Open Mötescheck so that the meeting gets the latest check.',
  },
  rejected: {
    sv: 'Chefen har inte godkänt förkontrollen. Kommentar: ”{comment}” Ändra kontrollen i Mötescheck.',
    en: 'Your manager did not approve the pre-meeting check. Comment: “{comment}” Change the check in Mötescheck.',
  },
  rejectedNoComment: {
    sv: 'Chefen har inte godkänt förkontrollen. Se kommentaren och ändra kontrollen i Mötescheck.',
    en: 'Your manager did not approve the pre-meeting check. See the comment and change the check in Mötescheck.',
  },
  settingsUnavailable: {
    sv: 'Mötescheck kunde inte hämta sina inställningar och kontrollerade inte mötet. Gör förkontrollen om mötet gäller en klient.',
    en: 'Mötescheck could not load its settings and did not check this meeting. Do the pre-meeting check if the meeting concerns a client.',
  },
  error: {
    sv: 'Mötescheck kunde inte kontrollera mötet på grund av ett fel. Gör förkontrollen i Mötescheck om mötet gäller en klient.',
    en: 'Mötescheck could not check this meeting because of an error. Do the pre-meeting check in Mötescheck if the meeting concerns a client.',
  },
  newAppointment: {
    sv: 'Gör förkontrollen innan du skickar (Mötescheck).',
    en: 'Do the pre-meeting check before you send (Mötescheck).',
  },
  openPane: { sv: 'Öppna Mötescheck', en: 'Open Mötescheck' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

/** Swedish unless the display language is English (`en`, `en-GB`, …). */
export function languageOf(displayLanguage: string | null | undefined): Lang {
  return /^en(-|$)/i.test(displayLanguage ?? '') ? 'en' : 'sv';
}

export function message(key: MessageKey, lang: Lang, values: Record<string, string> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
