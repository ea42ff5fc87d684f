// Every interface string of the cards and the bot's messages, in Swedish and English. Words only:
// values from records are never spliced into these strings but placed beside them as their own runs.
import type { AssessmentStatus, ReminderRow, SweepProblem } from '../api/contract';
import type { DigitalOutcome, Lang, Severity } from '../policy/types';

export type Who = 'caseworker' | 'counterpart' | 'both';
export type RecheckCause = 'policy-published' | 'deviation-expired' | 'date-passed';
export type UncheckedAudience = 'caseworker' | 'manager';

interface Strings {
  appName: string;
  fallback: string;
  title: { approver: string; others: string; decided: string; other: string; reminder: string; outcome: Record<'approved' | 'rejected', string>; recheck: string; warning: string; mine: string; pending: string };
  meetingType: string;
  when: string;
  seriesFirst: string;
  seriesLast: string;
  mode: string;
  modeDigital: string;
  modePhysical: string;
  caseworker: string;
  approver: string;
  status: string;
  revision: string;
  policy: string;
  statuses: Record<AssessmentStatus, string>;
  statusExplained: Partial<Record<AssessmentStatus, string>>;
  verdictHeading: string;
  outcome: Record<DigitalOutcome, string>;
  physicalNote: string;
  reasons: string;
  severity: Record<Severity, string>;
  source: string;
  identity: string;
  identityRequired: string;
  identityAssurance: string;
  identityNotRequired: string;
  methods: string;
  serviceProvides: string;
  serviceDoesNot: string;
  checklist: string;
  checklistEmpty: string;
  who: Record<Who, string>;
  deviation: string;
  reference: string;
  validUntil: string;
  conditions: string;
  approve: string;
  reject: string;
  rejectOpen: string;
  commentLabel: string;
  commentPlaceholder: string;
  commentError: (max: number) => string;
  decided: Record<'approved' | 'rejected', string>;
  decidedAt: string;
  comment: string;
  waitingFor: string;
  notice: {
    stale: [string, string, string];
    alreadyDecided: string;
    notApprover: string;
    ownAssessment: string;
    notAwaiting: string;
    meetingPassed: string;
    reminder: string;
  };
  rejectedNext: string;
  recheckCause: Record<RecheckCause, string>;
  recheckNext: string;
  warning: string;
  warningNext: string;
  open: string;
  mineEmpty: string;
  pendingEmpty: string;
  more: [string, string];
  morePending: [string, string];
  greeting: string;
  help: string;
  commands: { pending: string[]; mine: string[] };
  review: {
    fallback: string;
    kicker: string;
    title: string;
    intro: string;
    state: Record<ReminderRow['state'], string>;
    new: string;
    /** "Riskanalysen ", reference, " för ", service, " skulle ha setts över senast " / " ska ses över senast ", date. */
    risk: { start: string; forService: string; overdue: string; dueSoon: string };
    /** "Avsteget ", id, " för ", service, " (beslut ", reference, ") gäller till och med ", date. */
    deviation: { start: string; forService: string; decision: string; validUntil: string };
    /** The days between today and the due date, in brackets after it. */
    relative: { ago: (days: number) => string; today: string; in: (days: number) => string };
    nextHeading: string;
    nextRisk: string;
    nextDeviation: string;
    nextPublish: string;
    open: string;
  };
  unchecked: {
    fallback: string;
    kicker: string;
    title: Record<UncheckedAudience, string>;
    check: string;
    problem: Record<SweepProblem, string>;
    caseworkerNext: string;
    notClientMeeting: string;
    /** The manager's sentence: name + genitive(name), " möte ", date and time, " saknar genomförd mötescheck."; `someone` without a name. */
    manager: { someone: string; genitive: (name: string) => string; meeting: string; missing: string };
    managerNext: string;
    why: string;
    openEvent: string;
  };
}

const sv: Strings = {
  appName: 'Mötescheck',
  fallback: 'Mötescheck: en förkontroll av ett digitalt klientmöte. Öppna kortet i Teams.',
  title: {
    approver: 'Bedömning att godkänna',
    others: 'Bedömning som väntar på chefens godkännande',
    decided: 'Beslut om bedömning',
    other: 'Bedömning',
    reminder: 'Påminnelse: bedömning att godkänna',
    outcome: { approved: 'Din bedömning är godkänd', rejected: 'Din bedömning har avslagits' },
    recheck: 'Din bedömning behöver göras om',
    warning: 'Ingen har beslutat om din bedömning än',
    mine: 'Mina öppna bedömningar',
    pending: 'Att godkänna',
  },
  meetingType: 'Mötestyp',
  when: 'Datum och tid',
  seriesFirst: 'Första tillfället',
  seriesLast: 'Sista tillfället',
  mode: 'Mötesform',
  modeDigital: 'Digitalt möte via',
  modePhysical: 'Fysiskt möte',
  caseworker: 'Handläggare',
  approver: 'Godkännare',
  status: 'Status',
  revision: 'Version av bedömningen',
  policy: 'policyversion',
  statuses: {
    draft: 'Utkast',
    'awaiting-approval': 'Väntar på godkännande',
    approved: 'Godkänd',
    rejected: 'Avslagen',
    ready: 'Klar (inget godkännande krävs)',
    withdrawn: 'Återkallad',
    'needs-recheck': 'Behöver göras om',
  },
  statusExplained: {
    draft: 'Handläggaren ändrar bedömningen. Ett nytt kort skickas när den lämnas in igen.',
    ready: 'Inget godkännande krävs för den här bedömningen.',
    withdrawn: 'Handläggaren har återkallat bedömningen. Det finns inget att besluta.',
    'needs-recheck': 'Bedömningen måste göras om eftersom policyn, ett avsteg eller datumet har ändrats. Det finns inget att besluta nu.',
  },
  verdictHeading: 'Bedömning enligt policyn',
  outcome: {
    allowed: 'Digitalt möte är tillåtet.',
    'allowed-with-deviation': 'Digitalt möte är tillåtet genom ett beslut om avsteg.',
    'not-allowed': 'Digitalt möte är inte tillåtet.',
  },
  physicalNote: 'Handläggaren har valt ett fysiskt möte.',
  reasons: 'Skäl',
  severity: { block: 'Hinder', warning: 'Varning', info: 'Information' },
  source: 'Källa',
  identity: 'Identitetskontroll',
  identityRequired: 'Krävs: e-legitimation på tillitsnivå',
  identityAssurance: 'eller högre.',
  identityNotRequired: 'Krävs inte.',
  methods: 'Godtagbara metoder',
  serviceProvides: 'Tjänsten kontrollerar identiteten vid inloggning.',
  serviceDoesNot: 'Tjänsten kontrollerar inte identiteten – kontrollera den separat vid mötets början.',
  checklist: 'Checklista inför mötet',
  checklistEmpty: 'Inga punkter.',
  who: { caseworker: 'handläggare', counterpart: 'motpart', both: 'alla' },
  deviation: 'Beslut om avsteg',
  reference: 'Diarienummer',
  validUntil: 'Gäller till och med',
  conditions: 'Villkor',
  approve: 'Godkänn',
  reject: 'Avslå',
  rejectOpen: 'Avslå …',
  commentLabel: 'Motivering till avslaget',
  commentPlaceholder: 'Skriv inga uppgifter om klienten, till exempel namn, personnummer eller adress.',
  commentError: (max) => `Skriv en motivering på högst ${max} tecken.`,
  decided: { approved: 'Godkänd av', rejected: 'Avslagen av' },
  decidedAt: 'den',
  comment: 'Kommentar',
  waitingFor: 'Väntar på beslut från',
  notice: {
    stale: ['Kortet du svarade på gällde version', 'av bedömningen. Den har ändrats sedan dess; nu gäller version', '.'],
    alreadyDecided: 'Bedömningen är redan beslutad och kan inte beslutas igen.',
    notApprover: 'Du är inte utsedd att godkänna den här bedömningen.',
    ownAssessment: 'Du kan inte godkänna din egen bedömning.',
    notAwaiting: 'Bedömningen väntar inte på godkännande just nu.',
    meetingPassed: 'Mötets starttid har passerat.',
    reminder: 'Ingen har beslutat om bedömningen än, och mötet närmar sig.',
  },
  rejectedNext: 'Ändra mötesform eller tjänst i Mötescheck och lämna in bedömningen igen, eller håll mötet fysiskt.',
  recheckCause: {
    'policy-published': 'En ny policy har publicerats och den ändrar bedömningen.',
    'deviation-expired': 'Beslutet om avsteg som bedömningen byggde på gäller inte längre.',
    'date-passed': 'Datumet som bedömningen gällde har passerat.',
  },
  recheckNext: 'Öppna mötet i Outlook eller Teams och gör om kontrollen innan mötet hålls.',
  warning: 'Mötet börjar snart och bedömningen väntar fortfarande på godkännande.',
  warningNext: 'Påminn godkännaren eller håll mötet fysiskt.',
  open: 'Öppna i Mötescheck',
  mineEmpty: 'Du har inga öppna bedömningar.',
  pendingEmpty: 'Inga bedömningar väntar på ditt godkännande.',
  more: ['Ytterligare', 'visas inte här. Öppna fliken Mina bedömningar för att se alla.'],
  morePending: ['Ytterligare', 'väntar på ditt godkännande. Öppna fliken Att godkänna för att se alla.'],
  greeting: 'Hej! Jag är Mötescheck: jag skickar förkontroller av digitala klientmöten till chefen för godkännande och berättar för handläggaren hur det gick.',
  help: 'Skriv ”att godkänna” för att se bedömningar som väntar på ditt godkännande, eller ”mina” för att se status på dina egna öppna bedömningar.',
  commands: { pending: ['att godkänna', 'godkänna', 'pending'], mine: ['mina', 'mine'] },
  review: {
    fallback: 'Mötescheck: säkerhetsåtgärder i policyn behöver ses över. Öppna kortet i Teams.',
    kicker: 'Påminnelse',
    title: 'Dags att se över säkerhetsåtgärder',
    intro: 'Säkerhetsåtgärderna i policyn ska regelbundet undersökas och utvärderas (artikel 32.1 d i dataskyddsförordningen). Det här behöver ses över nu:',
    state: { overdue: 'Översynen är försenad', 'due-soon': 'Dags för översyn snart', expiring: 'Avsteget upphör snart' },
    new: 'Ny',
    risk: { start: 'Riskanalysen', forService: 'för', overdue: 'skulle ha setts över senast', dueSoon: 'ska ses över senast' },
    deviation: { start: 'Avsteget', forService: 'för', decision: 'beslut', validUntil: 'gäller till och med' },
    relative: {
      ago: (days) => (days === 1 ? 'för 1 dag sedan' : `för ${days} dagar sedan`),
      today: 'i dag',
      in: (days) => (days === 1 ? 'om 1 dag' : `om ${days} dagar`),
    },
    nextHeading: 'Så här gör du',
    nextRisk: 'Riskanalys: se över den och för in den nya referensen och datumet för nästa översyn under Inställningar i Mötescheck.',
    nextDeviation: 'Avsteg: förnya beslutet och för in det nya slutdatumet, eller avsluta avsteget, under Inställningar i Mötescheck. Bedömningar som bygger på ett avsteg måste göras om när det har upphört.',
    nextPublish: 'Publicera sedan en ny version av policyn: först då gäller ändringen.',
    open: 'Öppna Inställningar',
  },
  unchecked: {
    fallback: 'Mötescheck: ett digitalt klientmöte i kalendern saknar genomförd mötescheck. Öppna kortet i Teams.',
    kicker: 'Kontroll av kalendern',
    title: { caseworker: 'Ditt klientmöte saknar genomförd mötescheck', manager: 'Ett klientmöte saknar genomförd mötescheck' },
    check: 'Mötescheck',
    problem: {
      'no-check': 'Ingen kontroll gjord.',
      'check-incomplete': 'Kontrollen är inte klar (väntar på godkännande eller behöver göras om).',
      'check-withdrawn': 'Kontrollen har återkallats.',
    },
    caseworkerNext: 'Gör mötescheck i Outlook (Mötescheck i mötesbokningen) innan mötet, eller boka om mötet.',
    notClientMeeting: 'Är det inte ett klientmöte? Öppna Mötescheck i mötesbokningen och välj ”Registrera: inte ett klientmöte”.',
    manager: { someone: 'Handläggarens', genitive: (name) => (/[sxz]$/i.test(name.trim()) ? '' : 's'), meeting: 'möte', missing: 'saknar genomförd mötescheck.' },
    managerNext: 'Påminn handläggaren om att göra mötescheck i Outlook innan mötet, eller att boka om mötet.',
    why: 'Möten som bokas i Teams, i Outlook för Mac eller mobil eller på webben kontrolleras inte när de skickas. Därför letar Mötescheck efter digitala möten med externa deltagare i kalendern. Kortet visar aldrig mötets ämne eller deltagare.',
    openEvent: 'Öppna mötet i Outlook',
  },
};

const en: Strings = {
  appName: 'Mötescheck',
  fallback: 'Mötescheck: a pre-meeting check of a digital client meeting. Open the card in Teams.',
  title: {
    approver: 'Assessment for your approval',
    others: "Assessment awaiting the manager's approval",
    decided: 'Decision on an assessment',
    other: 'Assessment',
    reminder: 'Reminder: assessment for your approval',
    outcome: { approved: 'Your assessment was approved', rejected: 'Your assessment was rejected' },
    recheck: 'Your assessment must be redone',
    warning: 'Nobody has decided on your assessment yet',
    mine: 'My open assessments',
    pending: 'For approval',
  },
  meetingType: 'Meeting type',
  when: 'Date and time',
  seriesFirst: 'First occurrence',
  seriesLast: 'Last occurrence',
  mode: 'Meeting form',
  modeDigital: 'Digital meeting via',
  modePhysical: 'In-person meeting',
  caseworker: 'Caseworker',
  approver: 'Approver',
  status: 'Status',
  revision: 'Assessment revision',
  policy: 'policy version',
  statuses: {
    draft: 'Draft',
    'awaiting-approval': 'Awaiting approval',
    approved: 'Approved',
    rejected: 'Rejected',
    ready: 'Ready (no approval required)',
    withdrawn: 'Withdrawn',
    'needs-recheck': 'Must be redone',
  },
  statusExplained: {
    draft: 'The caseworker is changing the assessment. A new card is sent when it is submitted again.',
    ready: 'This assessment needs no approval.',
    withdrawn: 'The caseworker has withdrawn the assessment. There is nothing to decide.',
    'needs-recheck': 'The assessment must be redone because the policy, a deviation or the date has changed. There is nothing to decide now.',
  },
  verdictHeading: 'Assessment under the policy',
  outcome: {
    allowed: 'A digital meeting is allowed.',
    'allowed-with-deviation': 'A digital meeting is allowed under a deviation decision.',
    'not-allowed': 'A digital meeting is not allowed.',
  },
  physicalNote: 'The caseworker has chosen an in-person meeting.',
  reasons: 'Reasons',
  severity: { block: 'Blocks', warning: 'Warning', info: 'Information' },
  source: 'Source',
  identity: 'Identity verification',
  identityRequired: 'Required: e-ID at assurance level',
  identityAssurance: 'or higher.',
  identityNotRequired: 'Not required.',
  methods: 'Acceptable methods',
  serviceProvides: 'The service verifies identity at sign-in.',
  serviceDoesNot: 'The service does not verify identity – verify it separately when the meeting starts.',
  checklist: 'Checklist before the meeting',
  checklistEmpty: 'No items.',
  who: { caseworker: 'caseworker', counterpart: 'counterpart', both: 'everyone' },
  deviation: 'Deviation decision',
  reference: 'Reference',
  validUntil: 'Valid until',
  conditions: 'Conditions',
  approve: 'Approve',
  reject: 'Reject',
  rejectOpen: 'Reject …',
  commentLabel: 'Reason for rejecting',
  commentPlaceholder: "Write nothing about the client, such as a name, personal identity number or address.",
  commentError: (max) => `Write a reason of at most ${max} characters.`,
  decided: { approved: 'Approved by', rejected: 'Rejected by' },
  decidedAt: 'on',
  comment: 'Comment',
  waitingFor: 'Awaiting a decision from',
  notice: {
    stale: ['The card you answered showed revision', 'of the assessment. It has changed since; revision', ' is now current.'],
    alreadyDecided: 'The assessment has already been decided and cannot be decided again.',
    notApprover: 'You are not the designated approver of this assessment.',
    ownAssessment: 'You cannot approve your own assessment.',
    notAwaiting: 'The assessment is not awaiting approval right now.',
    meetingPassed: 'The meeting start time has passed.',
    reminder: 'Nobody has decided on the assessment yet, and the meeting is getting close.',
  },
  rejectedNext: 'Change the meeting form or service in Mötescheck and submit the assessment again, or meet in person.',
  recheckCause: {
    'policy-published': 'A new policy has been published and it changes the assessment.',
    'deviation-expired': 'The deviation decision the assessment relied on no longer applies.',
    'date-passed': 'The date the assessment was made for has passed.',
  },
  recheckNext: 'Open the meeting in Outlook or Teams and redo the check before the meeting is held.',
  warning: 'The meeting starts soon and the assessment is still awaiting approval.',
  warningNext: 'Remind the approver or meet in person.',
  open: 'Open in Mötescheck',
  mineEmpty: 'You have no open assessments.',
  pendingEmpty: 'No assessments are awaiting your approval.',
  more: ['A further', 'are not shown here. Open the My assessments tab to see them all.'],
  morePending: ['A further', 'are awaiting your approval. Open the For approval tab to see them all.'],
  greeting: 'Hi! I am Mötescheck: I send pre-meeting checks of digital client meetings to the manager for approval and tell the caseworker the outcome.',
  help: 'Write “pending” to see the assessments awaiting your approval, or “mine” to see the status of your own open assessments.',
  commands: { pending: ['pending', 'att godkänna', 'to approve'], mine: ['mine', 'mina'] },
  review: {
    fallback: 'Mötescheck: security measures in the policy are due for review. Open the card in Teams.',
    kicker: 'Reminder',
    title: 'Security measures due for review',
    intro: 'The security measures in the policy must be assessed and evaluated regularly (Article 32(1)(d) GDPR). These are due for review now:',
    state: { overdue: 'Review overdue', 'due-soon': 'Review due soon', expiring: 'Deviation expiring soon' },
    new: 'New',
    risk: { start: 'The risk analysis', forService: 'for', overdue: 'was due for review by', dueSoon: 'is due for review by' },
    deviation: { start: 'The deviation', forService: 'for', decision: 'decision', validUntil: 'is valid until' },
    relative: {
      ago: (days) => (days === 1 ? '1 day ago' : `${days} days ago`),
      today: 'today',
      in: (days) => (days === 1 ? 'in 1 day' : `in ${days} days`),
    },
    nextHeading: 'What to do',
    nextRisk: 'Risk analysis: review it and enter the new reference and the date of the next review under Settings in Mötescheck.',
    nextDeviation: 'Deviation: renew the decision and enter its new end date, or end the deviation, under Settings in Mötescheck. Assessments that rely on a deviation must be redone once it has expired.',
    nextPublish: 'Then publish a new version of the policy: only then does the change apply.',
    open: 'Open Settings',
  },
  unchecked: {
    fallback: 'Mötescheck: a digital client meeting in the calendar has no completed check. Open the card in Teams.',
    kicker: 'Calendar check',
    title: { caseworker: 'Your client meeting has no completed check', manager: 'A client meeting has no completed check' },
    check: 'Mötescheck',
    problem: {
      'no-check': 'No check made.',
      'check-incomplete': 'The check is not complete (awaiting approval or must be redone).',
      'check-withdrawn': 'The check has been withdrawn.',
    },
    caseworkerNext: 'Do the check in Outlook (Mötescheck in the meeting form) before the meeting, or rebook the meeting.',
    notClientMeeting: 'Not a client meeting? Open Mötescheck in the meeting form and choose “Record: not a client meeting”.',
    manager: { someone: "The caseworker's", genitive: () => "'s", meeting: 'meeting on', missing: 'has no completed check.' },
    managerNext: 'Remind the caseworker to do the check in Outlook before the meeting, or to rebook the meeting.',
    why: 'Meetings booked in Teams, in Outlook for Mac or mobile, or on the web are not checked when they are sent. So Mötescheck looks in the calendar for online meetings with external attendees. This card never shows the meeting’s subject or attendees.',
    openEvent: 'Open the meeting in Outlook',
  },
};

export const STRINGS: Record<Lang, Strings> = { sv, en };
