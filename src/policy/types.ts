// The policy document and the verdict: the contract of DESIGN.md. Field names here are relied on by
// the engine, the admin UI, the CLI and external tests — add fields, never rename them.

export type Text = { sv: string; en: string };
export type Lang = keyof Text;

/** KLASSA level: 0 none, 1 moderate, 2 significant, 3 serious, 4 exceptionally serious. */
export type Level = 0 | 1 | 2 | 3 | 4;
/** DIGG tillitsnivå (level of assurance). */
export type Assurance = 2 | 3 | 4;

export type OnSendMode = 'prompt' | 'block';

export interface IdentityMethod { id: string; label: Text; assurance: Assurance }

export interface ChecklistItem {
  id: string;
  text: Text;
  who: 'caseworker' | 'counterpart' | 'both';
  always?: boolean;
}

export interface InformationKinds {
  personalData: boolean;
  sensitiveData: boolean;
  secrecy: boolean;
  childrenData: boolean;
}

export interface Classification { confidentiality: Level; integrity: Level; availability: Level }

export interface MeetingType {
  id: string;
  label: Text;
  description?: Text;
  information: InformationKinds;
  classification: Classification;
  digital: 'allowed' | 'never';
  identityVerification: 'always' | 'when-new-or-unclear' | 'never';
  coApproval: 'always' | 'when-deviation' | 'never';
  checklist?: string[];
}

export type ParticipantAuthentication = 'eid-loa4' | 'eid-loa3' | 'eid-loa2' | 'organization-account' | 'none';

export interface ServiceSecurity {
  participantAuthentication: ParticipantAuthentication;
  encryption: 'end-to-end' | 'in-transit' | 'none';
  vendorStoresContent: boolean;
  dataLocation: 'SE' | 'EU' | 'third-country';
  processorAgreement: boolean;
}

export interface Service {
  id: string;
  label: string;
  security: ServiceSecurity;
  approvedUpTo: { confidentiality: Level };
  riskAnalysis: { reference: string; date: string; reviewBy: string };
  meetingLinkPatterns?: string[];
}

export type DecisionLevel = 'kommunledning' | 'forvaltning';

export interface Deviation {
  id: string;
  serviceId: string;
  meetingTypeIds: string[];
  decision: { level: DecisionLevel; reference: string; decidedOn: string; validUntil: string };
  conditions?: Text[];
}

export interface NeedEffects {
  digital?: 'never';
  identityVerification?: boolean;
  coApproval?: boolean;
  noEid?: boolean;
  checklist?: string[];
}

export interface Need { id: string; label: Text; description?: Text; effects: NeedEffects }

export interface Policy {
  schemaVersion: 1;
  organization: string;
  /** Marks a document as an example that a municipality must adapt before use. */
  example?: boolean;
  identityAssuranceRequired?: Assurance;
  internalDomains?: string[];
  onSend?: { noAssessment: OnSendMode; pendingApproval: OnSendMode };
  identityMethods: IdentityMethod[];
  checklist: ChecklistItem[];
  meetingTypes: MeetingType[];
  services: Service[];
  deviations: Deviation[];
  needs: Need[];
}

export interface EvaluationRequest {
  meetingTypeId: string;
  serviceId: string | null;
  needs: string[];
  /** Calendar date in Europe/Stockholm, YYYY-MM-DD. */
  date: string;
}

export type Severity = 'block' | 'warning' | 'info';

/** The closed list of reason codes: add one only together with its rule and test. */
export const REASON_CODES = [
  'meeting-type-physical-only',
  'need-requires-physical',
  'no-processor-agreement',
  'service-requires-eid',
  'service-approved',
  'deviation-applies',
  'deviation-expired',
  'deviation-not-yet-valid',
  'service-not-approved',
  'risk-analysis-overdue',
  'identity-required',
  'verify-identity-separately',
  'identity-cannot-be-verified',
  'co-approval-required',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason { code: ReasonCode; severity: Severity; text: Text; source: string }

export type DigitalOutcome = 'allowed' | 'allowed-with-deviation' | 'not-allowed';

export interface Verdict {
  policyVersion: string;
  digital: DigitalOutcome;
  approvedServices: string[];
  identityVerification: { required: boolean; assurance: number; methods: string[]; serviceProvides: boolean };
  coApproval: { required: boolean };
  checklist: { id: string; text: Text; who: string }[];
  deviation: { id: string; reference: string; validUntil: string; conditions: Text[] } | null;
  reasons: Reason[];
}
