// The example policy: an EXAMPLE, drawn from SKR's guidance (2020), that a municipality adapts to its
// own analysis and decisions. Its dates are computed from `today`, so a demo always shows one valid
// deviation and one overdue risk-analysis review, and the same `today` always gives the same document.
import { addDays, isIsoDate } from './dates';
import type { Policy } from './types';

const t = (sv: string, en: string) => ({ sv, en });

export function examplePolicy(today: string): Policy {
  if (!isIsoDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const day = (offset: number) => addDays(today, offset);
  const all = { personalData: true, sensitiveData: true, secrecy: true };

  return {
    schemaVersion: 1,
    organization: 'Exempelkommun, socialförvaltningen (EXEMPEL – anpassa efter egen analys och egna beslut)',
    example: true,
    identityAssuranceRequired: 3,
    internalDomains: ['exempelkommun.se'],
    onSend: { noAssessment: 'block', pendingApproval: 'prompt' },
    identityMethods: [
      { id: 'bankid', label: t('BankID', 'BankID'), assurance: 3 },
      { id: 'freja-eid-plus', label: t('Freja eID Plus', 'Freja eID Plus'), assurance: 3 },
      { id: 'siths', label: t('SITHS eID (personal i vård och omsorg)', 'SITHS eID (health and care staff)'), assurance: 3 },
    ],
    checklist: [
      { id: 'avskilt-rum', who: 'caseworker', always: true, text: t('Jag sitter i ett avskilt rum där ingen obehörig kan se eller höra samtalet.', 'I am in a private room where no unauthorised person can see or hear the conversation.') },
      { id: 'horlurar', who: 'caseworker', always: true, text: t('Jag använder hörlurar.', 'I am using headphones.') },
      { id: 'motpart-ostord', who: 'counterpart', text: t('Motparten sitter ostört och kan tala fritt utan att andra hör.', 'The counterpart is undisturbed and can speak freely without others listening.') },
      { id: 'alla-i-bild', who: 'both', text: t('Alla deltagare visas i bild när mötet börjar, så att vi vet vem som deltar.', 'All participants are shown on camera when the meeting starts, so we know who takes part.') },
      { id: 'vantrum', who: 'caseworker', text: t('Väntrum (lobby) är på: jag släpper själv in deltagarna.', 'The waiting room (lobby) is on: I admit the participants myself.') },
      { id: 'ingen-inspelning', who: 'both', always: true, text: t('Mötet spelas inte in av någon deltagare.', 'The meeting is not recorded by any participant.') },
      { id: 'inga-dokument-i-chatten', who: 'caseworker', always: true, text: t('Inga känsliga dokument eller uppgifter delas i mötets chatt.', 'No sensitive documents or details are shared in the meeting chat.') },
      { id: 'tolk-tystnadsplikt', who: 'caseworker', text: t('Tolken är informerad om tystnadsplikten.', 'The interpreter has been informed of the duty of confidentiality.') },
      { id: 'roj-inte-placering', who: 'both', text: t('Ingen röjer placeringsort, adress eller annat som avslöjar var den enskilde bor.', "No one reveals the placement, address or anything else that shows where the individual lives.") },
      { id: 'teknikprov', who: 'both', text: t('Tekniken är provad före mötet (ljud, bild, inloggning).', 'The technology was tested before the meeting (sound, video, sign-in).') },
    ],
    meetingTypes: [
      {
        id: 'utredningssamtal-vuxen', label: t('Utredningssamtal med vuxen', 'Investigation interview with an adult'),
        information: { ...all, childrenData: false },
        classification: { confidentiality: 3, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'when-deviation',
        checklist: ['motpart-ostord', 'vantrum'],
      },
      {
        id: 'utredningssamtal-barn', label: t('Utredningssamtal med barn och unga', 'Investigation interview with children and young people'),
        information: { ...all, childrenData: true },
        classification: { confidentiality: 3, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'always',
        checklist: ['motpart-ostord', 'alla-i-bild', 'vantrum'],
      },
      {
        id: 'utredningssamtal-vardnadshavare', label: t('Utredningssamtal med vårdnadshavare', 'Investigation interview with a guardian'),
        information: { ...all, childrenData: true },
        classification: { confidentiality: 3, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'when-deviation',
        checklist: ['motpart-ostord', 'vantrum'],
      },
      {
        id: 'uppfoljningssamtal', label: t('Uppföljningssamtal', 'Follow-up meeting'),
        information: { ...all, childrenData: false },
        classification: { confidentiality: 2, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'never',
        checklist: ['motpart-ostord'],
      },
      {
        id: 'uppfoljning-sarskilt-boende', label: t('Uppföljningssamtal i särskilt boende', 'Follow-up meeting in special housing'),
        information: { ...all, childrenData: false },
        classification: { confidentiality: 2, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'never',
        checklist: ['motpart-ostord', 'alla-i-bild'],
      },
      {
        id: 'uppfoljning-placering', label: t('Uppföljningssamtal vid placering i familjehem eller HVB', 'Follow-up meeting for a placement in a foster home or residential care (HVB)'),
        information: { ...all, childrenData: true },
        classification: { confidentiality: 3, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'when-deviation',
        checklist: ['motpart-ostord', 'alla-i-bild', 'roj-inte-placering'],
      },
      {
        id: 'samverkansmote', label: t('Samverkansmöte (skola, Arbetsförmedlingen, Försäkringskassan, hälso- och sjukvård)', 'Collaboration meeting (school, Public Employment Service, Social Insurance Agency, health care)'),
        information: { ...all, childrenData: false },
        classification: { confidentiality: 2, integrity: 2, availability: 1 },
        digital: 'allowed', identityVerification: 'when-new-or-unclear', coApproval: 'never',
        checklist: ['alla-i-bild', 'vantrum'],
      },
      {
        id: 'skyddsbedomning-barn', label: t('Skyddsbedömning gällande barn', 'Child protection assessment'),
        description: t('Skyddsbedömningar gällande barn ska inte ske digitalt (SKR 2020).', 'Child protection assessments must not be made digitally (SKR 2020).'),
        information: { ...all, childrenData: true },
        classification: { confidentiality: 4, integrity: 3, availability: 2 },
        digital: 'never', identityVerification: 'always', coApproval: 'always',
      },
      {
        id: 'informationsmote', label: t('Informationsmöte utan personuppgifter', 'Information meeting without personal data'),
        information: { personalData: false, sensitiveData: false, secrecy: false, childrenData: false },
        classification: { confidentiality: 0, integrity: 1, availability: 1 },
        digital: 'allowed', identityVerification: 'never', coApproval: 'never',
      },
    ],
    services: [
      {
        id: 'eid-videotjanst', label: 'E-legitimerat videomöte (som Inera Digitalt möte)',
        security: { participantAuthentication: 'eid-loa3', encryption: 'in-transit', vendorStoresContent: false, dataLocation: 'SE', processorAgreement: true },
        approvedUpTo: { confidentiality: 3 },
        riskAnalysis: { reference: 'RA-2026-04 (exempel)', date: day(-100), reviewBy: day(265) },
        meetingLinkPatterns: ['https://*.digitaltmote.example.se/*'],
      },
      {
        id: 'microsoft-teams', label: 'Microsoft Teams',
        security: { participantAuthentication: 'organization-account', encryption: 'in-transit', vendorStoresContent: true, dataLocation: 'EU', processorAgreement: true },
        approvedUpTo: { confidentiality: 2 },
        riskAnalysis: { reference: 'RA-2025-11 (exempel)', date: day(-380), reviewBy: day(-15) },
        meetingLinkPatterns: ['https://teams.microsoft.com/l/meetup-join/*', 'https://teams.microsoft.com/meet/*'],
      },
      {
        id: 'gratis-videotjanst', label: 'Gratis videotjänst för konsumenter',
        security: { participantAuthentication: 'none', encryption: 'in-transit', vendorStoresContent: true, dataLocation: 'third-country', processorAgreement: false },
        approvedUpTo: { confidentiality: 0 },
        riskAnalysis: { reference: 'RA-2026-02 (exempel)', date: day(-200), reviewBy: day(165) },
        meetingLinkPatterns: ['https://*.example-video.com/*'],
      },
    ],
    deviations: [
      {
        id: 'avsteg-teams-utredning', serviceId: 'microsoft-teams',
        meetingTypeIds: ['utredningssamtal-vuxen', 'utredningssamtal-vardnadshavare', 'uppfoljning-placering'],
        decision: { level: 'forvaltning', reference: 'SN 2026/117 (exempel)', decidedOn: day(-60), validUntil: day(120) },
        conditions: [
          t('Används bara när motparten inte kan använda den e-legitimerade videotjänsten.', 'Used only when the counterpart cannot use the e-ID video service.'),
          t('Motpartens identitet kontrolleras med BankID eller Freja eID Plus innan samtalet börjar.', "The counterpart's identity is verified with BankID or Freja eID Plus before the conversation starts."),
          t('Väntrum är på och ingen inspelning görs.', 'The waiting room is on and nothing is recorded.'),
        ],
      },
    ],
    needs: [
      { id: 'ny-motpart', label: t('Ny motpart', 'New counterpart'), description: t('Vi har inte träffat personen tidigare.', 'We have not met the person before.'), effects: { identityVerification: true } },
      { id: 'oklart-vem-deltar', label: t('Oklart vem som deltar', 'Unclear who takes part'), description: t('Det är oklart vem som kommer att delta i mötet.', 'It is unclear who will take part in the meeting.'), effects: { identityVerification: true, checklist: ['alla-i-bild'] } },
      { id: 'barn-deltar', label: t('Barn deltar', 'A child takes part'), description: t('Ett barn deltar i mötet; barns uppgifter behöver särskilt skydd.', "A child takes part in the meeting; children's data need special protection."), effects: { coApproval: true, checklist: ['motpart-ostord'] } },
      { id: 'tolk', label: t('Tolk behövs', 'Interpreter needed'), description: t('En tolk deltar i mötet.', 'An interpreter takes part in the meeting.'), effects: { checklist: ['tolk-tystnadsplikt'] } },
      { id: 'saknar-e-legitimation', label: t('Saknar e-legitimation', 'Has no e-ID'), description: t('Motparten har ingen e-legitimation och kan inte logga in med en sådan.', 'The counterpart has no e-ID and cannot sign in with one.'), effects: { noEid: true } },
      { id: 'risk-i-hemmet', label: t('Risk att påverkas eller höras av andra i hemmet', 'Risk of being influenced or overheard at home'), description: t('Någon i hemmet kan påverka eller höra den enskilde.', 'Someone at home may influence or overhear the individual.'), effects: { digital: 'never' } },
      { id: 'onskar-fysiskt-mote', label: t('Önskar fysiskt möte', 'Prefers to meet in person'), description: t('Den enskilde vill hellre träffas fysiskt.', 'The individual would rather meet in person.'), effects: { digital: 'never' } },
      { id: 'skyddade-personuppgifter', label: t('Skyddade personuppgifter', 'Protected personal data'), description: t('Den enskilde har skyddade personuppgifter; inget får avslöja var hen bor.', 'The individual has protected personal data; nothing may reveal where they live.'), effects: { coApproval: true, checklist: ['roj-inte-placering'] } },
      { id: 'begransad-digital-vana', label: t('Begränsad digital vana', 'Limited digital experience'), description: t('Den enskilde är ovan vid digitala möten och behöver hjälp att komma igång.', 'The individual is new to digital meetings and needs help getting started.'), effects: { checklist: ['teknikprov'] } },
    ],
  };
}
