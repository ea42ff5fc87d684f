// The policy editor's words, Swedish first. Field labels follow the policy's own terms (KLASSA's K/R/T,
// DIGG's tillitsnivå, SKR's steps) so an administrator recognises them from the decisions they record.
import { useMemo } from 'react';
import type { Text } from '../../../policy/types';
import { fill, useI18n, type Params } from '../../shared/i18n';

export const S = {
  heading: { sv: 'Inställningar: policyn', en: 'Settings: the policy' },
  intro: {
    sv: 'Här ändrar du utkastet till policyn. Inget gäller förrän du publicerar en ny version; varje version sparas och kan jämföras.',
    en: 'Here you change the draft of the policy. Nothing applies until you publish a new version; every version is kept and can be compared.',
  },
  sections: { sv: 'Delar av policyn', en: 'Parts of the policy' },
  secGeneral: { sv: 'Allmänt', en: 'General' },
  secTypes: { sv: 'Mötestyper', en: 'Meeting types' },
  secServices: { sv: 'Tjänster', en: 'Services' },
  secDeviations: { sv: 'Avvikelsebeslut', en: 'Deviation decisions' },
  secNeeds: { sv: 'Behov', en: 'Needs' },
  secChecklist: { sv: 'Checklista', en: 'Checklist' },
  secMethods: { sv: 'Identifieringsmetoder', en: 'Identity methods' },

  // Common
  id: { sv: 'Id', en: 'Id' },
  idHint: { sv: 'Kort och unikt, t.ex. uppfoljningssamtal. Används i bedömningar och ska inte ändras i onödan.', en: 'Short and unique, e.g. follow-up. Used by assessments: do not change it needlessly.' },
  labelSv: { sv: 'Benämning (svenska)', en: 'Name (Swedish)' },
  labelEn: { sv: 'Benämning (engelska)', en: 'Name (English)' },
  descriptionSv: { sv: 'Förklaring (svenska, valfri)', en: 'Explanation (Swedish, optional)' },
  descriptionEn: { sv: 'Förklaring (engelska, valfri)', en: 'Explanation (English, optional)' },
  add: { sv: 'Lägg till', en: 'Add' },
  remove: { sv: 'Ta bort {name}', en: 'Remove {name}' },
  unnamed: { sv: '(utan namn)', en: '(unnamed)' },
  dateHint: { sv: 'Datum som ÅÅÅÅ-MM-DD.', en: 'A date as YYYY-MM-DD.' },
  onePerLine: { sv: 'En per rad.', en: 'One per line.' },
  none: { sv: 'Inga', en: 'None' },

  // General
  organization: { sv: 'Organisation', en: 'Organisation' },
  assurance: { sv: 'Krävd tillitsnivå vid identitetskontroll', en: 'Required assurance level for identity checks' },
  assuranceHint: { sv: 'DIGG:s tillitsnivå. Utan val gäller nivå 3.', en: "DIGG's level of assurance. Level 3 applies when none is chosen." },
  assuranceDefault: { sv: 'Standard (nivå 3)', en: 'Default (level 3)' },
  assuranceLevel: { sv: 'Tillitsnivå {n}', en: 'Assurance level {n}' },
  internalDomains: { sv: 'Organisationens egna e-postdomäner', en: "The organisation's own mail domains" },
  internalDomainsHint: {
    sv: 'En per rad. Möten med deltagare utanför dessa domäner kontrolleras vid utskick.',
    en: 'One per line. Meetings with attendees outside these domains are checked on sending.',
  },
  onSendNoAssessment: { sv: 'Vid utskick utan förkontroll', en: 'Sending without a pre-meeting check' },
  onSendPending: { sv: 'Vid utskick när godkännande väntar', en: 'Sending while approval is pending' },
  onSendHint: { sv: 'Gäller Outlooks kontroll när mötet skickas.', en: "Applies to Outlook's check when the meeting is sent." },
  onSendBlock: { sv: 'Stoppa utskicket', en: 'Stop the sending' },
  onSendPrompt: { sv: 'Fråga (användaren kan skicka ändå)', en: 'Ask (the user may send anyway)' },

  // Meeting types
  typeNoun: { sv: 'mötestyp', en: 'meeting type' },
  addType: { sv: 'Lägg till mötestyp', en: 'Add a meeting type' },
  information: { sv: 'Information som mötet hanterar (SKR steg 1)', en: 'Information the meeting handles (SKR step 1)' },
  personalData: { sv: 'Personuppgifter', en: 'Personal data' },
  sensitiveData: { sv: 'Känsliga personuppgifter', en: 'Sensitive personal data' },
  secrecy: { sv: 'Uppgifter som omfattas av sekretess', en: 'Information under secrecy' },
  childrenData: { sv: 'Uppgifter om barn', en: "Children's data" },
  classification: { sv: 'Informationsklassning (KLASSA)', en: 'Information classification (KLASSA)' },
  confidentiality: { sv: 'Konfidentialitet (K)', en: 'Confidentiality (C)' },
  confidentialityHint: {
    sv: 'Hur allvarligt det är om obehöriga tar del av informationen. Avgör vilka tjänster som får användas.',
    en: 'How serious it is if unauthorised people learn the information. Decides which services may be used.',
  },
  integrity: { sv: 'Riktighet (R)', en: 'Integrity (I)' },
  integrityHint: { sv: 'Hur allvarligt det är om informationen ändras eller blir fel.', en: 'How serious it is if the information is changed or becomes wrong.' },
  availability: { sv: 'Tillgänglighet (T)', en: 'Availability (A)' },
  availabilityHint: { sv: 'Hur allvarligt det är om informationen inte finns till hands när den behövs.', en: 'How serious it is if the information is not at hand when needed.' },
  level0: { sv: '0 – ingen', en: '0 – none' },
  level1: { sv: '1 – måttlig', en: '1 – moderate' },
  level2: { sv: '2 – betydande', en: '2 – significant' },
  level3: { sv: '3 – allvarlig', en: '3 – serious' },
  level4: { sv: '4 – synnerligen allvarlig', en: '4 – exceptionally serious' },
  digital: { sv: 'Får mötet hållas digitalt?', en: 'May the meeting be held digitally?' },
  digitalAllowed: { sv: 'Ja, efter bedömning', en: 'Yes, after assessment' },
  digitalNever: { sv: 'Nej, alltid fysiskt', en: 'No, always in person' },
  identityVerification: { sv: 'Identitetskontroll', en: 'Identity verification' },
  idAlways: { sv: 'Alltid', en: 'Always' },
  idWhenNew: { sv: 'När motparten är ny eller det är oklart vem som deltar', en: 'When the counterpart is new or it is unclear who takes part' },
  idNever: { sv: 'Aldrig', en: 'Never' },
  coApproval: { sv: 'Chefens godkännande', en: "The manager's approval" },
  coAlways: { sv: 'Alltid', en: 'Always' },
  coWhenDeviation: { sv: 'När tjänsten används med avvikelsebeslut', en: 'When the service is used under a deviation decision' },
  coNever: { sv: 'Aldrig (utom när individens behov kräver det)', en: "Never (unless the individual's needs require it)" },
  typeChecklist: { sv: 'Checklistans punkter för mötestypen', en: 'Checklist items for the meeting type' },

  // Services
  serviceNoun: { sv: 'tjänst', en: 'service' },
  addService: { sv: 'Lägg till tjänst', en: 'Add a service' },
  serviceLabel: { sv: 'Benämning', en: 'Name' },
  security: { sv: 'Säkerhet (SKR steg 2)', en: 'Security (SKR step 2)' },
  participantAuthentication: { sv: 'Hur externa deltagare loggar in', en: 'How external participants sign in' },
  authLoa4: { sv: 'E-legitimation, tillitsnivå 4', en: 'e-ID, assurance level 4' },
  authLoa3: { sv: 'E-legitimation, tillitsnivå 3', en: 'e-ID, assurance level 3' },
  authLoa2: { sv: 'E-legitimation, tillitsnivå 2', en: 'e-ID, assurance level 2' },
  authOrg: { sv: 'Organisationskonto', en: 'Organisation account' },
  authNone: { sv: 'Ingen inloggning', en: 'No sign-in' },
  encryption: { sv: 'Kryptering', en: 'Encryption' },
  encE2e: { sv: 'Totalsträckskryptering (end-to-end)', en: 'End-to-end encryption' },
  encTransit: { sv: 'Kryptering under överföring', en: 'Encryption in transit' },
  encNone: { sv: 'Ingen kryptering', en: 'No encryption' },
  vendorStoresContent: { sv: 'Leverantören lagrar mötets innehåll', en: "The vendor stores the meeting's content" },
  dataLocation: { sv: 'Var uppgifterna behandlas', en: 'Where the data are processed' },
  locSE: { sv: 'Sverige', en: 'Sweden' },
  locEU: { sv: 'EU/EES', en: 'EU/EEA' },
  locThird: { sv: 'Tredje land', en: 'Third country' },
  processorAgreement: { sv: 'Personuppgiftsbiträdesavtal finns', en: 'A data processing agreement exists' },
  processorAgreementHint: { sv: 'Utan avtal får tjänsten aldrig användas (GDPR art. 28).', en: 'Without an agreement the service may never be used (GDPR art. 28).' },
  approvedUpTo: { sv: 'Godkänd upp till konfidentialitet (K)', en: 'Approved up to confidentiality (C)' },
  approvedUpToHint: {
    sv: 'Den högsta K-nivå som tjänstens riskanalys godkänt (SKR steg 3). Mötestyper med högre K kräver avvikelsebeslut.',
    en: "The highest C level the service's risk analysis approved (SKR step 3). Meeting types above it need a deviation decision.",
  },
  riskAnalysis: { sv: 'Riskanalys', en: 'Risk analysis' },
  riskReference: { sv: 'Riskanalysens diarienummer', en: "The risk analysis's reference" },
  riskDate: { sv: 'Riskanalysens datum', en: 'Date of the risk analysis' },
  riskReviewBy: { sv: 'Ska omprövas senast', en: 'To be reviewed by' },
  patterns: { sv: 'Möteslänkar som känner igen tjänsten', en: 'Meeting links that recognise the service' },
  patternsHint: {
    sv: 'Ett mönster per rad, * som jokertecken, t.ex. https://teams.microsoft.com/l/meetup-join/*',
    en: 'One pattern per line, * as a wildcard, e.g. https://teams.microsoft.com/l/meetup-join/*',
  },

  // Deviations
  deviationNoun: { sv: 'avvikelsebeslut', en: 'deviation decision' },
  addDeviation: { sv: 'Lägg till avvikelsebeslut', en: 'Add a deviation decision' },
  deviationService: { sv: 'Tjänst som beslutet gäller', en: 'Service the decision covers' },
  deviationTypes: { sv: 'Mötestyper som beslutet gäller', en: 'Meeting types the decision covers' },
  decisionLevel: { sv: 'Beslutsnivå', en: 'Decision level' },
  decisionReference: { sv: 'Beslutets diarienummer', en: "The decision's reference" },
  decidedOn: { sv: 'Beslutsdatum', en: 'Decided on' },
  validUntil: { sv: 'Gäller till och med', en: 'Valid until' },
  conditions: { sv: 'Villkor', en: 'Conditions' },
  conditionSv: { sv: 'Villkor {n} (svenska)', en: 'Condition {n} (Swedish)' },
  conditionEn: { sv: 'Villkor {n} (engelska)', en: 'Condition {n} (English)' },
  addCondition: { sv: 'Lägg till villkor', en: 'Add a condition' },
  removeCondition: { sv: 'Ta bort villkor {n}', en: 'Remove condition {n}' },
  chooseService: { sv: 'Välj tjänst', en: 'Choose a service' },

  // Needs
  needNoun: { sv: 'behov', en: 'need' },
  addNeed: { sv: 'Lägg till behov', en: 'Add a need' },
  effects: { sv: 'Verkan på bedömningen', en: 'Effect on the assessment' },
  effectNever: { sv: 'Mötet ska hållas fysiskt', en: 'The meeting must be held in person' },
  effectIdentity: { sv: 'Identiteten ska kontrolleras', en: 'Identity must be verified' },
  effectCoApproval: { sv: 'Chefen ska godkänna', en: 'The manager must approve' },
  effectNoEid: { sv: 'Motparten saknar e-legitimation', en: 'The counterpart has no e-ID' },
  effectChecklist: { sv: 'Extra punkter på checklistan', en: 'Extra checklist items' },

  // Checklist
  itemNoun: { sv: 'checklistpunkt', en: 'checklist item' },
  addItem: { sv: 'Lägg till checklistpunkt', en: 'Add a checklist item' },
  textSv: { sv: 'Text (svenska)', en: 'Text (Swedish)' },
  textEn: { sv: 'Text (engelska)', en: 'Text (English)' },
  who: { sv: 'Vem gör det', en: 'Who does it' },
  whoCaseworker: { sv: 'Handläggaren', en: 'The caseworker' },
  whoCounterpart: { sv: 'Motparten', en: 'The counterpart' },
  whoBoth: { sv: 'Båda', en: 'Both' },
  always: { sv: 'Gäller alla digitala möten', en: 'Applies to every digital meeting' },

  // Identity methods
  methodNoun: { sv: 'identifieringsmetod', en: 'identity method' },
  addMethod: { sv: 'Lägg till identifieringsmetod', en: 'Add an identity method' },
  methodAssurance: { sv: 'Tillitsnivå', en: 'Assurance level' },

  // Actions
  actions: { sv: 'Utkastet', en: 'The draft' },
  save: { sv: 'Spara utkast', en: 'Save draft' },
  saving: { sv: 'Sparar …', en: 'Saving …' },
  saved: { sv: 'Utkastet är sparat.', en: 'The draft is saved.' },
  unsaved: { sv: 'Osparade ändringar', en: 'Unsaved changes' },
  allSaved: { sv: 'Allt är sparat', en: 'Everything is saved' },
  draftBy: { sv: 'Senast sparat {at} av {by}', en: 'Last saved {at} by {by}' },
  importJson: { sv: 'Importera JSON', en: 'Import JSON' },
  exportJson: { sv: 'Exportera JSON', en: 'Export JSON' },
  importFile: { sv: 'Policyfil att importera', en: 'Policy file to import' },
  cannotShow: {
    sv: 'Den här delen av utkastet kan inte visas i redigeraren. Rätta det som står nedan i en JSON-fil och importera den, eller hämta en publicerad version under Versioner.',
    en: 'This part of the draft cannot be shown in the editor. Correct what is listed below in a JSON file and import it, or load a published version under Versions.',
  },
  importError: { sv: 'Filen kunde inte läsas som en policy: {message}', en: 'The file could not be read as a policy: {message}' },
  imported: { sv: 'Importerade {file}. Granska felen och spara.', en: 'Imported {file}. Review the errors and save.' },
  notAnObject: { sv: 'filen innehåller inget JSON-objekt', en: 'the file holds no JSON object' },

  // Validation
  validation: { sv: 'Kontroll av utkastet', en: 'Check of the draft' },
  errorsCount: { sv: '{n} fel att rätta före publicering', en: '{n} errors to fix before publishing' },
  warningsCount: { sv: '{n} varningar (hindrar inte publicering)', en: '{n} warnings (do not block publishing)' },
  warningsOne: { sv: '1 varning (hindrar inte publicering)', en: '1 warning (does not block publishing)' },
  errorsOne: { sv: '1 fel att rätta före publicering', en: '1 error to fix before publishing' },
  noProblems: { sv: 'Inga fel.', en: 'No errors.' },
  goTo: { sv: 'Gå till {path}', en: 'Go to {path}' },

  // Review reminders (GDPR art. 32.1 d)
  reminders: { sv: 'Att se över', en: 'Due for review' },
  remindersHint: {
    sv: 'Riskanalyser som ska omprövas och avvikelsebeslut som upphör inom 30 dagar, enligt den publicerade versionen (GDPR art. 32.1 d). Ett nytt datum i utkastet syns här när det är publicerat.',
    en: 'Risk analyses to review and deviation decisions that end within 30 days, from the published version (GDPR art. 32.1 d). A new date in the draft shows here once it is published.',
  },
  remindersNone: { sv: 'Inget att se över de närmaste 30 dagarna.', en: 'Nothing is due for review in the next 30 days.' },
  remindersError: { sv: 'Påminnelserna kunde inte hämtas: {message}', en: 'The reminders could not be loaded: {message}' },
  reminderWhat: { sv: 'Vad', en: 'What' },
  reminderReference: { sv: 'Diarienummer', en: 'Reference' },
  reminderDate: { sv: 'Datum', en: 'Date' },
  reminderState: { sv: 'Läge', en: 'Status' },
  reminderField: { sv: 'I utkastet', en: 'In the draft' },
  reminderRisk: { sv: 'Riskanalys för {service}', en: 'Risk analysis for {service}' },
  reminderDeviation: { sv: 'Avvikelse {id} för {service}', en: 'Deviation {id} for {service}' },
  overdueOne: { sv: 'Försenad sedan 1 dag', en: 'Overdue by 1 day' },
  overdueMany: { sv: 'Försenad sedan {n} dagar', en: 'Overdue by {n} days' },
  dueToday: { sv: 'Ska omprövas i dag', en: 'Due today' },
  dueInOne: { sv: 'Om 1 dag', en: 'In 1 day' },
  dueInMany: { sv: 'Om {n} dagar', en: 'In {n} days' },
  expiresToday: { sv: 'Gäller sista dagen i dag', en: 'Last valid day is today' },
  expiresInOne: { sv: 'Upphör om 1 dag', en: 'Expires in 1 day' },
  expiresInMany: { sv: 'Upphör om {n} dagar', en: 'Expires in {n} days' },
  goToField: { sv: 'Gå till fältet', en: 'Go to field' },
  goToFieldFor: { sv: 'Gå till fältet: {what}', en: 'Go to field: {what}' },
  notInDraft: { sv: 'Finns inte i utkastet', en: 'Not in the draft' },

  // Preview
  preview: { sv: 'Prova ett möte', en: 'Try a meeting' },
  previewHint: {
    sv: 'Bedöms av servern mot utkastet som det ser ut här, också osparade ändringar.',
    en: 'Judged by the server against the draft as it is here, unsaved changes included.',
  },
  previewType: { sv: 'Typ av möte', en: 'Type of meeting' },
  previewService: { sv: 'Tjänst', en: 'Service' },
  previewNoService: { sv: 'Ingen tjänst vald', en: 'No service chosen' },
  previewNeeds: { sv: 'Individens behov', en: "The individual's needs" },
  previewDate: { sv: 'Datum för mötet', en: 'Date of the meeting' },
  previewRun: { sv: 'Prova', en: 'Try' },
  previewInvalid: { sv: 'Rätta felen i utkastet först.', en: 'Fix the errors in the draft first.' },
  previewChooseType: { sv: 'Välj typ av möte', en: 'Choose the type of meeting' },

  // Publish
  publish: { sv: 'Publicera …', en: 'Publish …' },
  publishTitle: { sv: 'Publicera utkastet som ny version', en: 'Publish the draft as a new version' },
  publishBody: {
    sv: 'Den nya versionen gäller direkt för nya bedömningar. Öppna bedömningar vars resultat ändras skickas tillbaka till handläggaren för omprövning.',
    en: 'The new version applies at once to new assessments. Open assessments whose outcome changes go back to the caseworker for a re-check.',
  },
  changeNote: { sv: 'Ändringsanteckning', en: 'Change note' },
  changeNoteHint: { sv: 'Vad har ändrats och på vilket beslut? Syns i versionshistoriken.', en: 'What changed, and on which decision? Shows in the version history.' },
  changeNoteRequired: { sv: 'Skriv en ändringsanteckning.', en: 'Write a change note.' },
  changeNotePin: { sv: 'Anteckningen ser ut att innehålla ett personnummer. Ta bort det.', en: 'The note looks as if it holds a personal identity number. Remove it.' },
  unsavedFirst: { sv: 'Dina osparade ändringar sparas först.', en: 'Your unsaved changes are saved first.' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  publishConfirm: { sv: 'Publicera', en: 'Publish' },
  publishing: { sv: 'Publicerar …', en: 'Publishing …' },
  publishBlocked: { sv: 'Rätta felen innan du publicerar.', en: 'Fix the errors before publishing.' },
  published: {
    sv: 'Version {version} är publicerad. {checked} öppna bedömningar prövades mot den; {count} skickades till omprövning.',
    en: 'Version {version} is published. {checked} open assessments were checked against it; {count} were sent to re-check.',
  },

  // Versions
  versions: { sv: 'Versionshistorik', en: 'Version history' },
  versionsEmpty: { sv: 'Ingen version är publicerad än.', en: 'No version is published yet.' },
  versionRow: { sv: 'Version {n}', en: 'Version {n}' },
  versionMeta: { sv: 'publicerad {at} av {by}', en: 'published {at} by {by}' },
  compareFrom: { sv: 'Jämför version', en: 'Compare version' },
  compareTo: { sv: 'med version', en: 'with version' },
  compare: { sv: 'Visa skillnader', en: 'Show differences' },
  noChanges: { sv: 'Inga skillnader.', en: 'No differences.' },
  changesCount: { sv: '{n} skillnader', en: '{n} differences' },
  loadVersion: { sv: 'Läs in version {n} i utkastet', en: 'Load version {n} into the draft' },
  added: { sv: 'Tillagt', en: 'Added' },
  removed: { sv: 'Borttaget', en: 'Removed' },
  changed: { sv: 'Ändrat', en: 'Changed' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  empty: { sv: '(tomt)', en: '(empty)' },

  // Conflict
  conflictTitle: { sv: 'Någon annan har sparat utkastet', en: 'Someone else saved the draft' },
  conflictBody: {
    sv: '{who} sparade utkastet {at}, efter att du började ändra. Inget har skrivits över. Jämför och välj vad som ska gälla.',
    en: '{who} saved the draft {at}, after you started editing. Nothing was overwritten. Compare and choose what is to stand.',
  },
  theirs: { sv: 'Deras sparade utkast', en: 'Their saved draft' },
  yours: { sv: 'Din osparade ändring', en: 'Your unsaved edit' },
  conflictDiff: { sv: 'Skillnader från deras utkast till ditt ({n})', en: 'Differences from their draft to yours ({n})' },
  keepMine: { sv: 'Behåll min ändring (ersätter deras)', en: 'Keep my edit (replaces theirs)' },
  takeTheirs: { sv: 'Använd deras utkast (min ändring släpps)', en: 'Use their draft (drops my edit)' },
  exportMine: { sv: 'Spara min ändring som fil', en: 'Save my edit as a file' },
  theirErrors: { sv: '{n} fel', en: '{n} errors' },
} as const satisfies Record<string, Text>;

export type SKey = keyof typeof S;
export type SettingsText = (key: SKey, params?: Params) => string;

export function settingsText(lang: 'sv' | 'en'): SettingsText {
  return (key, params) => fill(S[key][lang], params);
}

export function useSettingsText(): SettingsText {
  const { lang } = useI18n();
  return useMemo(() => settingsText(lang), [lang]);
}

/** Validation messages in Swedish by code; English uses the validator's own message, which names the fix. */
const SV_BY_CODE: Record<string, string> = {
  'missing-field': 'Måste fyllas i.',
  'duplicate-id': 'Id:t används redan i samma lista. Ge varje post ett eget id.',
  'unknown-reference': 'Hänvisar till ett id som inte finns.',
  'invalid-date': 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.',
  'date-order': 'Datumen går baklänges: slutdatumet ligger före startdatumet.',
  'deviation-for-physical-only-type': 'Mötestypen får aldrig hållas digitalt, så ett avvikelsebeslut kan inte gälla den.',
  'out-of-range': 'Värdet ligger utanför det tillåtna.',
  'invalid-value': 'Ogiltigt val.',
  'unknown-field': 'Okänt fält: ta bort eller rätta det.',
  'classified-without-personal-data': 'Klassad K2 eller högre men hanterar inga personuppgifter: stämmer klassningen?',
  'approved-without-processor-agreement': 'Godkänd över K0 utan personuppgiftsbiträdesavtal: tjänsten kan aldrig användas.',
  'risk-analysis-overdue': 'Riskanalysen skulle ha omprövats.',
  'no-meeting-link-patterns': 'Inga möteslänkar: Outlook kan inte känna igen tjänsten vid utskick.',
  'assurance-unreachable': 'Ingen identifieringsmetod når den krävda tillitsnivån.',
  'example-policy': 'Detta är en exempelpolicy: anpassa den efter kommunens egen analys och egna beslut före användning.',
};

export function issueText(issue: { code: string; message: string }, lang: 'sv' | 'en'): string {
  if (lang === 'en') return issue.message;
  if (/must not be empty/.test(issue.message)) return 'Får inte vara tomt.';
  if (/must name at least one/.test(issue.message)) return 'Välj minst en.';
  return SV_BY_CODE[issue.code] ?? issue.message;
}
