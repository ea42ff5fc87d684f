// Every surface of the product in its standalone host, as the start page lists them. Paths are those
// webpack.config.js builds; `user` picks the demo user the page signs in as.
import type { Text } from '../../policy/types';

export interface Surface {
  id: string;
  href: string;
  title: Text;
  who: Text;
  description: Text;
}

export const SURFACES: readonly Surface[] = [
  {
    id: 'taskpane', href: 'outlook/taskpane.html?standalone&user=caseworker',
    title: { sv: 'Outlook: förkontroll när mötet bokas', en: 'Outlook: the pre-meeting check while booking' },
    who: { sv: 'Handläggare', en: 'Caseworker' },
    description: { sv: 'Ett enkelt mötesformulär står i stället för Outlooks. Välj mötestyp och behov, se bedömningen och skicka till chef.', en: "A simple appointment form stands in for Outlook's. Choose meeting type and needs, see the verdict and send it to your manager." },
  },
  {
    id: 'mine', href: 'teams/personal.html?tab=mine&user=caseworker',
    title: { sv: 'Teams: Mina bedömningar', en: 'Teams: My assessments' },
    who: { sv: 'Handläggare', en: 'Caseworker' },
    description: { sv: 'Dina kontroller med status och mötestid; öppna, ändra eller dra tillbaka.', en: 'Your checks with status and meeting time; open, revise or withdraw.' },
  },
  {
    id: 'approval-card', href: 'approval.html?user=manager',
    title: { sv: 'Teams: kortet att godkänna', en: 'Teams: the approval card' },
    who: { sv: 'Chef', en: 'Manager' },
    description: { sv: 'Det adaptiva kortet som chefen får i Teams, med samma knappar och samma anrop som i Teams.', en: 'The adaptive card the manager gets in Teams, with the same buttons and the same invoke as in Teams.' },
  },
  {
    id: 'approvals', href: 'teams/personal.html?tab=approvals&user=manager',
    title: { sv: 'Teams: Att godkänna', en: 'Teams: To approve' },
    who: { sv: 'Chef', en: 'Manager' },
    description: { sv: 'Väntande medbedömningar med ålder och hela sammanfattningen; godkänn eller avslå med kommentar.', en: 'Pending co-approvals with age and the full summary; approve or reject with a comment.' },
  },
  {
    id: 'meeting', href: 'teams/meeting.html?user=caseworker',
    title: { sv: 'Teams: mötets sidopanel', en: 'Teams: the meeting side panel' },
    who: { sv: 'Handläggare', en: 'Caseworker' },
    description: { sv: 'Vid mötets början: bekräfta checklistan och registrera identitetskontrollen.', en: 'At the start of the meeting: confirm the checklist and record the identity check.' },
  },
  {
    id: 'settings', href: 'teams/personal.html?tab=settings&user=policyadmin',
    title: { sv: 'Teams: Inställningar (policy)', en: 'Teams: Settings (policy)' },
    who: { sv: 'Policyförvaltare', en: 'Policy admin' },
    description: { sv: 'Redigera, validera, prova och publicera policyn; versioner och skillnader.', en: 'Edit, validate, try and publish the policy; versions and differences.' },
  },
  {
    id: 'reports', href: 'teams/personal.html?tab=reports&user=auditor',
    title: { sv: 'Teams: Rapporter', en: 'Teams: Reports' },
    who: { sv: 'Dataskyddsombud', en: 'Data protection officer' },
    description: { sv: 'Beslut, avsteg, incidenter och granskningsloggen med verifierad kedja.', en: 'Decisions, deviations, incidents and the audit log with its chain verified.' },
  },
  {
    id: 'accessibility', href: 'tillganglighet.html',
    title: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
    who: { sv: 'Alla', en: 'Everyone' },
    description: { sv: 'Hur tillgänglig Mötescheck är och hur du rapporterar brister.', en: 'How accessible Mötescheck is and how to report problems.' },
  },
];

/** The five-minute walk through the product, in the order a newcomer takes it. */
export const WALKTHROUGH: readonly Text[] = [
  { sv: 'Som handläggare: öppna Outlook-panelen, välj "Utredningssamtal med vuxen", tjänsten Microsoft Teams och behovet "Ny motpart". Bedömningen visar avsteg, identitetskontroll och checklista. Skicka till chef.', en: 'As a caseworker: open the Outlook pane, choose "Investigation interview with an adult", the service Microsoft Teams and the need "New counterpart". The verdict shows the deviation, the identity check and the checklist. Send it to your manager.' },
  { sv: 'Som chef: öppna kortet att godkänna och godkänn.', en: 'As the manager: open the approval card and approve.' },
  { sv: 'Som handläggare: öppna panelen igen – status är godkänd. Öppna mötets sidopanel och bekräfta checklistan och identitetskontrollen.', en: 'As the caseworker: open the pane again — the status is approved. Open the meeting side panel and confirm the checklist and the identity check.' },
  { sv: 'Som dataskyddsombud: öppna Rapporter och se beslutet, dess skäl och granskningsloggen.', en: 'As the data protection officer: open Reports and see the decision, its reasons and the audit log.' },
];
