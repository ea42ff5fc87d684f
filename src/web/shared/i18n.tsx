// The front-ends' words, Swedish first and English beside them, and the language chosen from the host's
// display language. Policy texts already carry both languages (`Text`); `pick` chooses one.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Lang, Text } from '../../policy/types';

export type { Lang };

/** Swedish unless the host's display language is English: the product is Swedish first. */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): Lang {
  return /^en\b/i.test((displayLanguage ?? '').trim()) ? 'en' : 'sv';
}

export function pick(text: Text, lang: Lang): string {
  return text[lang] || text.sv;
}

const STRINGS = {
  appName: { sv: 'Mötescheck', en: 'Mötescheck' },
  loading: { sv: 'Läser in …', en: 'Loading …' },
  retry: { sv: 'Försök igen', en: 'Try again' },

  // Assessment form
  formHeading: { sv: 'Förkontroll av mötet', en: 'Pre-meeting check' },
  notClientMeeting: { sv: 'Inte ett klientmöte', en: 'Not a client meeting' },
  notClientMeetingHint: {
    sv: 'Kontrollen gäller inte möten utan klient. Valet registreras och syns i rapporterna.',
    en: 'The check does not concern meetings without a client. The choice is recorded and shows in reports.',
  },
  mode: { sv: 'Hur hålls mötet?', en: 'How is the meeting held?' },
  modeDigital: { sv: 'Digitalt', en: 'Digitally' },
  modePhysical: { sv: 'Fysiskt', en: 'In person' },
  meetingType: { sv: 'Typ av möte', en: 'Type of meeting' },
  meetingTypePlaceholder: { sv: 'Välj typ av möte', en: 'Choose the type of meeting' },
  needs: { sv: 'Individens behov', en: "The individual's needs" },
  needsHint: { sv: 'Markera det som gäller för den här klienten.', en: 'Tick what applies to this client.' },
  service: { sv: 'Tjänst för mötet', en: 'Service for the meeting' },
  servicePlaceholder: { sv: 'Välj tjänst', en: 'Choose a service' },
  serviceRecognised: { sv: 'Känd från möteslänken: {service}', en: 'Recognised from the meeting link: {service}' },
  serviceNotRecognised: {
    sv: 'Möteslänken känns inte igen som någon tjänst i policyn. Välj tjänst själv.',
    en: 'The meeting link is not recognised as any service in the policy. Choose the service yourself.',
  },
  serviceNoLink: { sv: 'Ingen möteslänk hittades i mötet. Välj tjänst själv.', en: 'No meeting link was found in the meeting. Choose the service yourself.' },
  serviceDiffersFromLink: {
    sv: 'Vald tjänst stämmer inte med möteslänken ({service}). Utskicket stoppas tills de stämmer.',
    en: 'The chosen service does not match the meeting link ({service}). Sending is stopped until they match.',
  },

  // Verdict
  verdictHeading: { sv: 'Bedömning', en: 'Assessment' },
  previewNote: {
    sv: 'Förhandsbedömning i din webbläsare. Servern gör om bedömningen när du skickar.',
    en: 'Preview computed in your browser. The server re-evaluates when you submit.',
  },
  chooseTypeFirst: { sv: 'Välj typ av möte för att se bedömningen.', en: 'Choose the type of meeting to see the assessment.' },
  digitalAllowed: { sv: 'Digitalt möte är tillåtet', en: 'A digital meeting is allowed' },
  digitalWithDeviation: { sv: 'Digitalt möte är tillåtet med avvikelsebeslut', en: 'A digital meeting is allowed under a deviation decision' },
  digitalNotAllowed: { sv: 'Digitalt möte är inte tillåtet', en: 'A digital meeting is not allowed' },
  physicalMeeting: { sv: 'Mötet hålls fysiskt', en: 'The meeting is held in person' },
  physicalNote: {
    sv: 'Ett fysiskt möte kan alltid registreras. Digitalt skulle vara: {outcome}.',
    en: 'An in-person meeting can always be recorded. Digitally it would be: {outcome}.',
  },
  outcomeAllowed: { sv: 'tillåtet', en: 'allowed' },
  outcomeWithDeviation: { sv: 'tillåtet med avvikelsebeslut', en: 'allowed under a deviation decision' },
  outcomeNotAllowed: { sv: 'inte tillåtet', en: 'not allowed' },
  deviation: { sv: 'Avvikelsebeslut', en: 'Deviation decision' },
  deviationReference: { sv: 'Beslut {reference}, gäller till och med {validUntil}', en: 'Decision {reference}, valid until {validUntil}' },
  deviationConditions: { sv: 'Villkor', en: 'Conditions' },
  reasons: { sv: 'Skäl', en: 'Reasons' },
  source: { sv: 'Källa: {source}', en: 'Source: {source}' },
  severityBlock: { sv: 'Hinder', en: 'Blocking' },
  severityWarning: { sv: 'Varning', en: 'Warning' },
  severityInfo: { sv: 'Information', en: 'Information' },
  identity: { sv: 'Identitetskontroll', en: 'Identity verification' },
  identityRequired: { sv: 'Krävs, tillitsnivå {level} eller högre', en: 'Required, assurance level {level} or higher' },
  identityNotRequired: { sv: 'Krävs inte för det här mötet', en: 'Not required for this meeting' },
  identityMethods: { sv: 'Godkända metoder: {methods}', en: 'Accepted methods: {methods}' },
  identityNoMethods: { sv: 'Ingen godkänd metod når nivån.', en: 'No accepted method reaches the level.' },
  identityServiceProvides: { sv: 'Tjänsten loggar in deltagarna med e-legitimation på den nivån.', en: 'The service signs participants in with e-ID at that level.' },
  identityServiceDoesNotProvide: { sv: 'Tjänsten gör inte kontrollen: gör den separat vid mötets start.', en: 'The service does not do the check: do it separately when the meeting starts.' },
  checklist: { sv: 'Checklista inför mötet', en: 'Checklist before the meeting' },
  whoCaseworker: { sv: 'du', en: 'you' },
  whoCounterpart: { sv: 'motparten', en: 'the counterpart' },
  whoBoth: { sv: 'båda', en: 'both' },
  coApprovalRequired: { sv: 'Chefen ska godkänna bedömningen tillsammans med dig.', en: 'Your manager must approve the assessment together with you.' },
  coApprovalNotRequired: { sv: 'Chefens godkännande behövs inte.', en: "Your manager's approval is not needed." },
  approvedServices: { sv: 'Godkända tjänster för mötet: {services}', en: 'Services approved for this meeting: {services}' },
  noApprovedServices: { sv: 'Ingen tjänst är godkänd för mötet.', en: 'No service is approved for this meeting.' },

  // Status
  statusHeading: { sv: 'Status', en: 'Status' },
  statusDraft: { sv: 'Utkast – inte inskickat', en: 'Draft – not submitted' },
  statusAwaiting: { sv: 'Väntar på chefens godkännande', en: "Awaiting your manager's approval" },
  statusApproved: { sv: 'Godkänd av {by} {at}', en: 'Approved by {by} on {at}' },
  statusRejected: { sv: 'Avslagen av {by} {at}', en: 'Rejected by {by} on {at}' },
  statusRejectedComment: { sv: 'Kommentar: {comment}', en: 'Comment: {comment}' },
  statusReady: { sv: 'Klar – chefens godkännande behövs inte', en: "Ready – no manager's approval needed" },
  statusWithdrawn: { sv: 'Återkallad', en: 'Withdrawn' },
  statusNeedsRecheck: {
    sv: 'Behöver göras om: policyn, ett avvikelsebeslut eller datumet har ändrats',
    en: 'Needs a re-check: the policy, a deviation decision or the date has changed',
  },
  statusRevision: { sv: 'Version {revision} av bedömningen', en: 'Revision {revision} of the assessment' },
  statusNotClientMeeting: { sv: 'Registrerat som inte ett klientmöte', en: 'Recorded as not a client meeting' },
  refreshStatus: { sv: 'Uppdatera status', en: 'Refresh status' },
  changedSinceSubmit: {
    sv: 'Du har ändrat uppgifterna. Skicka igen så blir det en ny version av bedömningen.',
    en: 'You have changed the details. Submit again to make a new revision of the assessment.',
  },

  // Actions
  submitForApproval: { sv: 'Skicka till chef för godkännande', en: 'Send to manager for approval' },
  submitReady: { sv: 'Registrera kontrollen', en: 'Record the check' },
  submitNotClientMeeting: { sv: 'Registrera: inte ett klientmöte', en: 'Record: not a client meeting' },
  submitting: { sv: 'Skickar …', en: 'Sending …' },
  cannotSubmitNotAllowed: {
    sv: 'Ett digitalt möte som inte är tillåtet kan inte skickas in. Byt tjänst eller håll mötet fysiskt.',
    en: 'A digital meeting that is not allowed cannot be submitted. Change the service or hold the meeting in person.',
  },
  cannotSubmitNoService: { sv: 'Välj tjänst för det digitala mötet.', en: 'Choose the service for the digital meeting.' },
  cannotSubmitNoStart: { sv: 'Mötet saknar starttid.', en: 'The meeting has no start time.' },

  // Errors
  errorPolicy: { sv: 'Policyn kunde inte läsas in: {message}', en: 'The policy could not be loaded: {message}' },
  errorSubmit: { sv: 'Det gick inte att skicka: {message}', en: 'Sending failed: {message}' },
  errorItem: { sv: 'Mötet kunde inte läsas: {message}', en: 'The meeting could not be read: {message}' },
  errorSaveItem: {
    sv: 'Bedömningen är sparad på servern men kunde inte skrivas till mötet: {message}',
    en: 'The assessment is saved on the server but could not be written to the meeting: {message}',
  },
  errorNetwork: { sv: 'Servern svarar inte.', en: 'The server does not answer.' },

  // Sign-in
  signInHeading: { sv: 'Logga in (utvecklingsläge)', en: 'Sign in (development mode)' },
  signInAs: { sv: 'Demoanvändare', en: 'Demo user' },
  signedInAs: { sv: 'Inloggad som {name}', en: 'Signed in as {name}' },
  signIn: { sv: 'Logga in', en: 'Sign in' },
} as const satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;
export type Params = Record<string, string | number>;

export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: StringKey, params?: Params): string {
  return fill(pick(STRINGS[key], lang), params);
}

export interface I18n {
  lang: Lang;
  t: (key: StringKey, params?: Params) => string;
  /** A policy text in the current language. */
  p: (text: Text) => string;
  /** A date-time shown in Swedish time, in the current language's format. */
  dateTime: (iso: string) => string;
}

export function makeI18n(lang: Lang): I18n {
  // Made on first use: a formatter with a time zone is costly to create (tens of ms on a slow device),
  // and most screens show no date-time.
  let format: Intl.DateTimeFormat | undefined;
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    p: (text) => pick(text, lang),
    dateTime: (iso) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      format ??= new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
        timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short',
      });
      return format.format(d);
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n('sv'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
