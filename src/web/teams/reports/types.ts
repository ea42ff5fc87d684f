// The accountability API's shapes as the Teams pages see them (docs/reports/README.md): the report
// rows and incidents come from the shared API contract; the rest are the pages' own request shapes.

export type { Period, AssessmentsByMonthRow, ModeShareRow, DeviationUseRow, TurnaroundRow, IncidentCountRow, ReminderRow, UncheckedMeetingRow, ReportData, ReportName, ReportBundle, SweepProblem } from '../../../api/contract';

import {
  INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident, type IncidentCategory, type IncidentInput, type IncidentPatch, type IncidentStatus, type StatusChange,
} from '../../../api/contract';

export { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident, type IncidentCategory, type IncidentInput, type IncidentPatch, type IncidentStatus, type StatusChange };

/** The statuses only the data-protection officer (Auditor) may set (the server enforces it). */
export const AUDITOR_STATUSES: readonly IncidentStatus[] = ['anmald', 'avslutad'];

export interface AuditEvent { seq: number; at: string; actor: string; action: string; entityType: string; entityId: string; stateDigest: string; hash: string }
export interface AuditFilter { entity?: string; actor?: string; from?: string; to?: string; limit?: number }

export type ChainVerification =
  | { ok: true; events: number; head: string; checkpoint?: { seq: number; at: string } }
  | { ok: false; events: number; firstBroken: { seq: number; problem: string; message: string } };

/** Art. 33.1: 72 hours from discovery. */
export const NOTIFICATION_HOURS = 72;
