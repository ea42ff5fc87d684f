// The HTTP API's shapes, shared by the server (which validates them with its route schemas) and the
// front-ends' API client: types, and the closed lists some of them are built from. Ids and categories
// only — never a client's name, personal identity number, subject, body or address.
import type { Policy, Verdict, Text } from '../policy/types';

export type Role = 'Caseworker' | 'Manager' | 'PolicyAdmin' | 'Auditor';

/** Every error response: a stable code and a message that says what to fix. */
export interface ApiError {
  code: string;
  message: string;
  /** Field-level problems, each with a JSON path (policy validation, request validation). */
  details?: { path: string; message: string; code?: string }[];
}

export interface ValidationIssue { path: string; code: string; message: string }

export interface PublishedPolicy {
  version: number;            // sequential, 1, 2, …
  hash: string;               // `sha256:…`, the verdict's policyVersion
  publishedAt: string;        // ISO time
  publishedBy: string;        // oid
  changeNote: string;
  policy: Policy;
}

export interface PolicyDraft {
  policy: Policy;
  etag: string;
  updatedAt: string;
  updatedBy: string;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export type AssessmentMode = 'digital' | 'physical';
export type AssessmentStatus = 'draft' | 'awaiting-approval' | 'approved' | 'rejected' | 'ready' | 'withdrawn' | 'needs-recheck';

export interface MeetingReference {
  /** Outlook event id (REST id), when known. */
  eventId?: string;
  /** Teams meeting id or chat id, when known. */
  teamsMeetingId?: string;
  /** `sha256:` hex of the normalised join URL, computed by the client; the URL itself is never sent. */
  joinUrlHash?: string;
}

/**
 * How the meeting tab looks a check up (`GET /api/assessments/by-meeting`): its Teams meeting id and the
 * meeting chat's id, which a check made in Outlook carries as its Teams meeting id (from a classic join
 * link) or which Graph turns into the join URL (MEETING_CHAT_LOOKUP).
 */
export interface MeetingLookup extends MeetingReference {
  teamsChatId?: string;
}

export interface AssessmentInput {
  meeting: MeetingReference;
  /** ISO date-time of the (first) occurrence. */
  start: string;
  /** For a recurring series: ISO date-time of the last occurrence. */
  seriesEnd?: string;
  mode: AssessmentMode;
  meetingTypeId: string;
  serviceId: string | null;
  needs: string[];
  /** "inte ett klientmöte": the caseworker says the check does not concern this meeting. */
  notClientMeeting?: boolean;
}

export interface Decision {
  outcome: 'approved' | 'rejected';
  by: string;                 // approver oid
  at: string;
  comment?: string;
  revision: number;
}

export interface ChecklistConfirmation { itemId: string; confirmedAt: string; by: string }
export interface IdentityCheck { methodId: string; assurance: number; checkedAt: string; by: string; counterpart: number }

export interface Assessment extends AssessmentInput {
  id: string;
  revision: number;
  status: AssessmentStatus;
  organizer: string;          // oid
  approver?: string;          // oid of the designated approver, resolved at submit
  /** Everyone who may decide (designated approver first, then active stand-ins or the fallback group). */
  approvers?: string[];
  verdict: Verdict;
  policyVersion: string;
  policyNumber: number;
  createdAt: string;
  updatedAt: string;
  decision?: Decision;
  checklistConfirmations: ChecklistConfirmation[];
  identityChecks: IdentityCheck[];
  /** Short blocking reason for the on-send handler (Swedish and English). */
  blockingReason?: Text;
}

/** Routes (all JSON, bearer token). The server enumerates its own routes for the authorization test. */
export const ROUTES = {
  health: 'GET /api/health',
  me: 'GET /api/me',
  policyPublished: 'GET /api/policy',
  policyDraftGet: 'GET /api/policy/draft',
  policyDraftPut: 'PUT /api/policy/draft',            // If-Match: etag
  policyValidate: 'POST /api/policy/validate',
  policyPreview: 'POST /api/policy/preview',          // evaluate a request against the draft
  policyPublish: 'POST /api/policy/publish',          // { changeNote, etag }
  policyVersions: 'GET /api/policy/versions',
  policyVersion: 'GET /api/policy/versions/:number',
  policyDiff: 'GET /api/policy/diff?from=N&to=M',
  onSendSettings: 'GET /api/onsend-settings',         // internal domains, link patterns, onSend
  assessmentCreate: 'POST /api/assessments',
  assessmentList: 'GET /api/assessments?scope=mine|approvals|all',
  assessmentGet: 'GET /api/assessments/:id',
  assessmentByMeeting: 'GET /api/assessments/by-meeting?eventId=|teamsMeetingId=|joinUrlHash=',
  assessmentRevise: 'PUT /api/assessments/:id',      // body AssessmentInput + { revision } (the one revised)
  assessmentSubmit: 'POST /api/assessments/:id/submit',
  assessmentWithdraw: 'POST /api/assessments/:id/withdraw',
  assessmentDecide: 'POST /api/assessments/:id/decision', // { revision, outcome, comment? }
  assessmentChecklist: 'POST /api/assessments/:id/checklist', // { itemId, confirmed }
  assessmentIdentity: 'POST /api/assessments/:id/identity-checks', // { methodId, counterpart }
  assessmentStatus: 'GET /api/assessments/:id/status', // small: for the on-send refresh
  auditVerify: 'GET /api/audit/verify',
  auditList: 'GET /api/audit?entity=&actor=&from=&to=&limit=',
  devUsers: 'GET /api/dev/users',                     // development mode only (MOTESCHECK_DEV)
  devToken: 'POST /api/dev/token',                    // development mode only: { userId } → DevTokenResponse
} as const;

/** Bodies and answers of the routes above that are not plain Assessment / PolicyDraft / PublishedPolicy. */
export interface PolicyDraftPutBody { policy: unknown }                       // + header If-Match: etag
export interface PolicyPublishBody { changeNote: string; etag: string }
export interface PolicyPublishResponse extends PublishedPolicy { recheck: { checked: number; needsRecheck: string[] } }
export interface PolicyValidateResponse { valid: boolean; errors: ValidationIssue[]; warnings: ValidationIssue[] }
export interface PolicyPreviewBody { policy?: unknown; request: { meetingTypeId: string; serviceId: string | null; needs: string[]; date: string } }
export interface PolicyPreviewResponse { verdict: Verdict; warnings: ValidationIssue[] }
export interface PolicyDiffResponse {
  from: { version: number; hash: string };
  to: { version: number; hash: string };
  changes: { path: string; kind: 'added' | 'removed' | 'changed'; before?: unknown; after?: unknown }[];
}
export interface OnSendSettings {
  policyVersion: string; policyNumber: number; internalDomains: string[];
  onSend: { noAssessment: 'prompt' | 'block'; pendingApproval: 'prompt' | 'block' };
  services: { id: string; label: string; meetingLinkPatterns: string[] }[];
}
export interface AssessmentReviseBody extends AssessmentInput { revision: number }
/** submit / withdraw: optional; when given it must be the current revision (else 409 stale-revision). */
export interface RevisionBody { revision?: number }
export interface DecisionBody { revision: number; outcome: 'approved' | 'rejected'; comment?: string }
export interface ChecklistBody { itemId: string; confirmed: boolean }
export interface IdentityCheckBody { methodId: string; counterpart: number }
export interface AssessmentStatusView {
  id: string; revision: number; status: AssessmentStatus; mode: AssessmentMode; serviceId: string | null;
  digital: Verdict['digital']; startDate: string; complete: boolean; blockingReason?: Text; decisionComment?: string;
}
/** by-meeting: someone who may not read the check learns only that it exists and whether it is complete. */
export interface ByMeetingResponse { exists: true; complete: boolean; assessment?: Assessment }
export type AuditVerifyResponse =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; firstBroken: { seq: number; problem: string; message: string } };
export interface DevUserInfo { userId: string; oid: string; name: string; roles: Role[] }
export interface DevTokenResponse { token: string; tokenType: 'Bearer'; expiresIn: number }

/** Incident categories (GDPR art. 33.5 register); ids without diacritics, labels in the UI. */
export const INCIDENT_CATEGORIES = [
  'fel-person-inslappt', 'obehorig-horde-eller-sag', 'moteslanken-spreds', 'inspelning-gjordes', 'tekniskt-fel-rojde-uppgifter', 'annat',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_STATUSES = ['oppen', 'atgardad', 'anmald', 'avslutad'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The 72-hour notification deadline as the API reports it. */
export interface DeadlineView {
  /** ISO instant (UTC). */
  deadline: string;
  /** Milliseconds until the deadline (negative when passed); null when no notification is pending. */
  remainingMs: number | null;
  /** A notification is owed and the deadline has passed without it. */
  overdue: boolean;
}

/** `POST /api/incidents`: a new incident (free text refuses personal identity numbers, 422 naming the field). */
export interface IncidentInput {
  category: IncidentCategory;
  occurredAt: string;
  discoveredAt: string;
  description: string;
  effects?: string;
  correctiveActions?: string;
  mustNotifyImy: boolean;
  assessmentId?: string | null;
}
/** `PATCH /api/incidents/:id`: changed fields and the revision they were made on. */
export type IncidentPatch = Partial<IncidentInput> & { revision: number };
/** `POST /api/incidents/:id/status`. */
export interface StatusChange { revision: number; status: IncidentStatus; imyNotifiedAt?: string; imyReference?: string; delayReason?: string }

/** One incident as `GET /api/incidents/:id` returns it. */
export interface Incident {
  id: string;
  revision: number;
  assessmentId: string | null;
  category: IncidentCategory;
  occurredAt: string;
  discoveredAt: string;
  description: string;
  effects: string;
  correctiveActions: string;
  mustNotifyImy: boolean;
  imyNotifiedAt: string | null;
  imyReference: string | null;
  delayReason: string | null;
  status: IncidentStatus;
  reportedBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  notification: DeadlineView;
  allowedTransitions: IncidentStatus[];
}

// --- Reports (docs/reports/README.md): one shape for the server, the Teams pages and the cards ---

/** What the second line of control found about a client meeting in a caseworker's calendar. */
export type SweepProblem = 'no-check' | 'check-incomplete' | 'check-withdrawn';

export interface Period { from: string; to: string }   // 'YYYY-MM', inclusive

export interface AssessmentsByMonthRow {
  month: string; meetingTypeId: string; serviceId: string | null; mode: string; outcome: string; assessments: number; notClientMeeting: number;
}
export interface ModeShareRow { month: string; physical: number; digital: number; total: number; digitalShare: number | null }
export interface DeviationUseRow { deviationId: string; reference: string; assessments: number; meetingTypes: string; firstMeeting: string; lastMeeting: string }
export interface TurnaroundRow { month: string; decisions: number; approved: number; rejected: number; medianHours: number | null; p90Hours: number | null }
export interface IncidentCountRow { category: string; status: string; incidents: number; mustNotify: number; notifiedLate: number; overdue: number }
export interface ReminderRow {
  kind: 'risk-analysis-review' | 'deviation-expiry'; id: string; serviceId: string; reference: string; dueDate: string;
  state: 'overdue' | 'due-soon' | 'expiring'; daysLeft: number;
}
export interface UncheckedMeetingRow { userId: string; eventId: string; start: string; problem: SweepProblem; assessmentId: string | null; foundAt: string }

export interface ReportData {
  'assessments-by-month': AssessmentsByMonthRow[];
  'mode-share': ModeShareRow[];
  deviations: DeviationUseRow[];
  'co-approval': TurnaroundRow[];
  incidents: IncidentCountRow[];
  reminders: ReminderRow[];
  'unchecked-meetings': UncheckedMeetingRow[];
}
export type ReportName = keyof ReportData;

/** `GET /api/reports`: every report for one period. */
export interface ReportBundle { period: Period; today: string; generatedAt: string; reports: ReportData }

