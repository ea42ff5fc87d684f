// The accountability API's shapes as the Teams pages see them (docs/reports/README.md). Mirrored from
// src/server/reports and src/server/incidents, because the web layer never imports the server.

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
export interface UncheckedMeetingRow { userId: string; eventId: string; start: string; problem: string; assessmentId: string | null; foundAt: string }

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

import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident, type IncidentCategory, type IncidentStatus } from '../../../api/contract';

export { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident, type IncidentCategory, type IncidentStatus };

/** The statuses only the data-protection officer (Auditor) may set (the server enforces it). */
export const AUDITOR_STATUSES: readonly IncidentStatus[] = ['anmald', 'avslutad'];


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
export type IncidentPatch = Partial<IncidentInput> & { revision: number };
export interface StatusChange { revision: number; status: IncidentStatus; imyNotifiedAt?: string; imyReference?: string; delayReason?: string }

export interface AuditEvent { seq: number; at: string; actor: string; action: string; entityType: string; entityId: string; stateDigest: string; hash: string }
export interface AuditFilter { entity?: string; actor?: string; from?: string; to?: string; limit?: number }

export type ChainVerification =
  | { ok: true; events: number; head: string; checkpoint?: { seq: number; at: string } }
  | { ok: false; events: number; firstBroken: { seq: number; problem: string; message: string } };

/** Art. 33.1: 72 hours from discovery. */
export const NOTIFICATION_HOURS = 72;
