// The Teams pages' words, Swedish first and English beside them. Words the Outlook pane shares
// (verdict, status, form) stay in src/web/shared/i18n.tsx; these are the tabs' own.
import { useMemo } from 'react';
import type { Text } from '../../policy/types';
import { fill, useI18n, type Params } from '../shared/i18n';

export const TEXT = {
  // Chrome
  tabsLabel: { sv: 'Mötescheck', en: 'Mötescheck' },
  tabMine: { sv: 'Mina bedömningar', en: 'My assessments' },
  tabApprovals: { sv: 'Att godkänna', en: 'To approve' },
  tabSettings: { sv: 'Inställningar', en: 'Settings' },
  tabReports: { sv: 'Rapporter', en: 'Reports' },
  loading: { sv: 'Läser in …', en: 'Loading …' },
  retry: { sv: 'Försök igen', en: 'Try again' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  close: { sv: 'Stäng', en: 'Close' },
  errorLoad: { sv: 'Det gick inte att läsa in: {message}', en: 'Loading failed: {message}' },
  errorAction: { sv: 'Det gick inte: {message}', en: 'That did not work: {message}' },

  // Roles
  roleCaseworker: { sv: 'Handläggare', en: 'Caseworker' },
  roleManager: { sv: 'Chef', en: 'Manager' },
  rolePolicyAdmin: { sv: 'Policyförvaltare', en: 'Policy administrator' },
  roleAuditor: { sv: 'Granskare (dataskyddsombud)', en: 'Auditor (data protection officer)' },
  noRoles: { sv: 'inga roller', en: 'no roles' },
  needsRoleTitle: { sv: 'Du har inte behörighet till den här fliken', en: 'You do not have access to this tab' },
  needsRole: {
    sv: '{tab} är för rollen {role}. Ditt konto har {roles}. Be din administratör om rollen om du behöver den i ditt arbete.',
    en: '{tab} is for the role {role}. Your account has {roles}. Ask your administrator for the role if your work needs it.',
  },
  needsRoleSettings: {
    sv: 'Policyn ändras bara av policyförvaltare, eftersom varje publicerad version styr alla bedömningar i kommunen och ska vara beslutad på rätt nivå.',
    en: 'Only policy administrators change the policy, because every published version governs all assessments in the municipality and must be decided at the right level.',
  },

  // Status words
  statusDraft: { sv: 'Utkast', en: 'Draft' },
  statusAwaiting: { sv: 'Väntar på godkännande', en: 'Awaiting approval' },
  statusApproved: { sv: 'Godkänd', en: 'Approved' },
  statusRejected: { sv: 'Avslagen', en: 'Rejected' },
  statusReady: { sv: 'Klar', en: 'Ready' },
  statusWithdrawn: { sv: 'Återkallad', en: 'Withdrawn' },
  statusNeedsRecheck: { sv: 'Behöver göras om', en: 'Needs re-check' },
  modeDigital: { sv: 'Digitalt', en: 'Digital' },
  modePhysical: { sv: 'Fysiskt', en: 'In person' },
  noService: { sv: 'Ingen tjänst (fysiskt möte)', en: 'No service (in person)' },
  notClientMeeting: { sv: 'Inte ett klientmöte', en: 'Not a client meeting' },

  // Mina bedömningar
  mineHeading: { sv: 'Mina bedömningar', en: 'My assessments' },
  mineEmpty: {
    sv: 'Du har inga bedömningar än. Gör förkontrollen i Outlook när du bokar mötet, eller i mötets flik i Teams.',
    en: 'You have no assessments yet. Make the pre-meeting check in Outlook when you book the meeting, or in the meeting tab in Teams.',
  },
  colMeeting: { sv: 'Möte', en: 'Meeting' },
  colType: { sv: 'Typ av möte', en: 'Type of meeting' },
  colStatus: { sv: 'Status', en: 'Status' },
  colService: { sv: 'Tjänst', en: 'Service' },
  colActions: { sv: 'Åtgärder', en: 'Actions' },
  open: { sv: 'Öppna', en: 'Open' },
  openNamed: { sv: 'Öppna bedömningen {type} {time}', en: 'Open the assessment {type} {time}' },
  backToList: { sv: 'Tillbaka till listan', en: 'Back to the list' },
  withdraw: { sv: 'Återkalla', en: 'Withdraw' },
  withdrawTitle: { sv: 'Återkalla bedömningen?', en: 'Withdraw the assessment?' },
  withdrawBody: {
    sv: 'En återkallad bedömning kan inte godkännas. Mötet behöver en ny förkontroll om det ändå ska hållas digitalt.',
    en: 'A withdrawn assessment cannot be approved. The meeting needs a new check if it is still to be held digitally.',
  },
  withdrawn: { sv: 'Bedömningen är återkallad.', en: 'The assessment is withdrawn.' },
  reviseHeading: { sv: 'Ändra bedömningen', en: 'Change the assessment' },
  reviseHint: {
    sv: 'En ändring av typ, tjänst, behov eller tid blir en ny version som skickas in på nytt.',
    en: 'A change of type, service, needs or time makes a new revision that is submitted again.',
  },
  meetingTime: { sv: 'Mötestid', en: 'Meeting time' },
  seriesTime: { sv: '{first} – {last} (återkommande)', en: '{first} – {last} (recurring)' },
  notFoundAssessment: { sv: 'Bedömningen finns inte, eller så har du inte behörighet att se den.', en: 'The assessment does not exist, or you may not see it.' },

  // Att godkänna
  approvalsHeading: { sv: 'Att godkänna', en: 'To approve' },
  approvalsEmpty: { sv: 'Inget väntar på ditt godkännande.', en: 'Nothing is waiting for your approval.' },
  approvalsIntro: {
    sv: 'Handläggaren och du bedömer mötet tillsammans (SKR 2020). Samma beslut som i Teams-kortet: det som beslutas här syns där och tvärtom.',
    en: 'The caseworker and you assess the meeting together (SKR 2020). The same decision as the Teams card: what is decided here shows there, and the other way round.',
  },
  waited: { sv: 'Väntat {age}', en: 'Waiting {age}' },
  ageMinutes: { sv: '{n} min', en: '{n} min' },
  ageHours: { sv: '{n} tim', en: '{n} h' },
  ageDays: { sv: '{n} dygn', en: '{n} days' },
  caseworker: { sv: 'Handläggare: {name}', en: 'Caseworker: {name}' },
  revisionOf: { sv: 'Version {revision}, bedömd mot policyversion {policy}', en: 'Revision {revision}, judged by policy version {policy}' },
  approve: { sv: 'Godkänn', en: 'Approve' },
  reject: { sv: 'Avslå', en: 'Reject' },
  comment: { sv: 'Kommentar', en: 'Comment' },
  commentHint: {
    sv: 'Skriv inga personnummer eller uppgifter om klienten. Krävs när du avslår.',
    en: 'Write no personal identity numbers or details about the client. Required when you reject.',
  },
  commentRequired: { sv: 'Skriv varför du avslår.', en: 'Write why you reject.' },
  commentPin: {
    sv: 'Kommentaren ser ut att innehålla ett personnummer eller samordningsnummer. Ta bort det.',
    en: 'The comment looks as if it holds a personal identity or coordination number. Remove it.',
  },
  decidedApproved: { sv: 'Du godkände bedömningen.', en: 'You approved the assessment.' },
  decidedRejected: { sv: 'Du avslog bedömningen.', en: 'You rejected the assessment.' },
  decisionFor: { sv: 'Beslut om {type} {time}', en: 'Decision on {type} {time}' },

  // Rapporter
  reportsHeading: { sv: 'Rapporter', en: 'Reports' },
  reportsComingTitle: { sv: 'Rapporterna kommer med arbetet med ansvarsskyldigheten', en: 'The reports arrive with the accountability work' },
  reportsComing: {
    sv: 'Här kommer granskare och dataskyddsombud att läsa beslut, avvikelser och incidenter och exportera dem (GDPR art. 5.2 och 33.5). Det byggs i nästa steg. Redan nu kan du läsa policyns versionshistorik och skillnaderna mellan versionerna här nedan.',
    en: 'Auditors and the data protection officer will read decisions, deviations and incidents here and export them (GDPR art. 5.2 and 33.5). That is built in the next step. Already now you can read the policy’s version history and the differences between versions below.',
  },

  // Meeting tab
  meetingHeading: { sv: 'Förkontroll för mötet', en: 'Pre-meeting check' },
  noCheckOrganizer: { sv: 'Det finns ingen förkontroll för mötet än.', en: 'There is no pre-meeting check for this meeting yet.' },
  createCheck: { sv: 'Gör förkontrollen', en: 'Make the pre-meeting check' },
  noCheck: { sv: 'Ingen förkontroll är registrerad för mötet.', en: 'No pre-meeting check is recorded for this meeting.' },
  checkComplete: { sv: 'En förkontroll finns och är klar.', en: 'A pre-meeting check exists and is complete.' },
  checkIncomplete: { sv: 'En förkontroll finns men är inte klar än.', en: 'A pre-meeting check exists but is not complete yet.' },
  meetingStart: { sv: 'Mötets starttid', en: 'Meeting start' },
  meetingStartHint: { sv: 'Datum och tid då mötet börjar.', en: 'Date and time the meeting starts.' },
  atMeetingStart: { sv: 'Vid mötets start', en: 'When the meeting starts' },
  atMeetingStartHint: { sv: 'Bekräfta varje punkt. Det sparas direkt.', en: 'Confirm each item. It is saved at once.' },
  notReadyForStart: {
    sv: 'Checklistan och identitetskontrollen görs när bedömningen är godkänd eller klar.',
    en: 'The checklist and the identity check are done once the assessment is approved or ready.',
  },
  identityHeading: { sv: 'Identitetskontroll av motparter', en: 'Identity check of counterparts' },
  identityHint: {
    sv: 'Registrera metod per motpart. Inget som identifierar personen sparas, bara metod, tillitsnivå och tid.',
    en: 'Record the method for each counterpart. Nothing that identifies the person is stored: only method, assurance level and time.',
  },
  counterpart: { sv: 'Motpart {n}', en: 'Counterpart {n}' },
  method: { sv: 'Metod för motpart {n}', en: 'Method for counterpart {n}' },
  methodPlaceholder: { sv: 'Välj metod', en: 'Choose a method' },
  recordIdentity: { sv: 'Registrera kontrollen av motpart {n}', en: 'Record the check of counterpart {n}' },
  identityRecorded: { sv: 'Kontrollerad med {method}, tillitsnivå {level}, {at}', en: 'Checked with {method}, assurance level {level}, {at}' },
  addCounterpart: { sv: 'Lägg till motpart', en: 'Add a counterpart' },
  openInTab: { sv: 'Öppna i Mina bedömningar', en: 'Open in My assessments' },
  checkDone: { sv: 'Kontrollen är klar: alla punkter är bekräftade.', en: 'The check is complete: every item is confirmed.' },
  noMeeting: {
    sv: 'Fliken vet inte vilket möte den hör till. Öppna den från mötet i Teams.',
    en: 'The tab does not know which meeting it belongs to. Open it from the meeting in Teams.',
  },

  // Configuration page
  configHeading: { sv: 'Lägg till Mötescheck i mötet', en: 'Add Mötescheck to the meeting' },
  configBody: {
    sv: 'Fliken visar mötets förkontroll för organisatören och den som godkänner. Andra deltagare ser bara att en kontroll finns och är klar.',
    en: 'The tab shows the meeting’s pre-meeting check to the organizer and the approver. Other participants see only that a check exists and is complete.',
  },
  configReady: { sv: 'Välj Spara för att lägga till fliken.', en: 'Choose Save to add the tab.' },
  standaloneSave: { sv: 'Spara (som Teams gör)', en: 'Save (as Teams does)' },
  configSaved: { sv: 'Teams sparar fliken med adressen {url}', en: 'Teams saves the tab with the address {url}' },

  // Standalone bar
  standaloneHeading: { sv: 'Fristående läge (utveckling)', en: 'Standalone mode (development)' },
  demoUser: { sv: 'Demoanvändare', en: 'Demo user' },
  language: { sv: 'Språk', en: 'Language' },
  theme: { sv: 'Tema', en: 'Theme' },
  themeLight: { sv: 'Ljust', en: 'Light' },
  themeDark: { sv: 'Mörkt', en: 'Dark' },
  themeContrast: { sv: 'Hög kontrast', en: 'High contrast' },
  meetingId: { sv: 'Mötets id', en: 'Meeting id' },
} as const satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXT;

export interface TeamsText {
  (key: TextKey, params?: Params): string;
}

export function teamsText(lang: 'sv' | 'en'): TeamsText {
  return (key, params) => fill(TEXT[key][lang], params);
}

/** The Teams words in the page's language. */
export function useText(): TeamsText {
  const { lang } = useI18n();
  return useMemo(() => teamsText(lang), [lang]);
}
