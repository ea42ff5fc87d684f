// The reports and their CSV columns. The column names and order are a contract (docs/reports/README.md):
// add columns at the end, never rename or reorder.
import type { Column } from './csv';
import type { ReportData, ReportName } from '../../api/contract';

export type { ReportData, ReportName };

export const REPORT_COLUMNS: { [K in ReportName]: readonly Column<ReportData[K][number]>[] } = {
  'assessments-by-month': [
    { header: 'month', value: (r) => r.month },
    { header: 'meeting_type_id', value: (r) => r.meetingTypeId },
    { header: 'service_id', value: (r) => r.serviceId },
    { header: 'mode', value: (r) => r.mode },
    { header: 'outcome', value: (r) => r.outcome },
    { header: 'assessments', value: (r) => r.assessments },
    { header: 'not_client_meeting', value: (r) => r.notClientMeeting },
  ],
  'mode-share': [
    { header: 'month', value: (r) => r.month },
    { header: 'physical', value: (r) => r.physical },
    { header: 'digital', value: (r) => r.digital },
    { header: 'total', value: (r) => r.total },
    { header: 'digital_share', value: (r) => r.digitalShare },
  ],
  deviations: [
    { header: 'deviation_id', value: (r) => r.deviationId },
    { header: 'decision_reference', value: (r) => r.reference },
    { header: 'assessments', value: (r) => r.assessments },
    { header: 'meeting_type_ids', value: (r) => r.meetingTypes },
    { header: 'first_meeting', value: (r) => r.firstMeeting },
    { header: 'last_meeting', value: (r) => r.lastMeeting },
  ],
  'co-approval': [
    { header: 'month', value: (r) => r.month },
    { header: 'decisions', value: (r) => r.decisions },
    { header: 'approved', value: (r) => r.approved },
    { header: 'rejected', value: (r) => r.rejected },
    { header: 'median_hours', value: (r) => r.medianHours },
    { header: 'p90_hours', value: (r) => r.p90Hours },
  ],
  incidents: [
    { header: 'category', value: (r) => r.category },
    { header: 'status', value: (r) => r.status },
    { header: 'incidents', value: (r) => r.incidents },
    { header: 'must_notify_imy', value: (r) => r.mustNotify },
    { header: 'notified_late', value: (r) => r.notifiedLate },
    { header: 'notification_overdue', value: (r) => r.overdue },
  ],
  reminders: [
    { header: 'kind', value: (r) => r.kind },
    { header: 'id', value: (r) => r.id },
    { header: 'service_id', value: (r) => r.serviceId },
    { header: 'reference', value: (r) => r.reference },
    { header: 'due_date', value: (r) => r.dueDate },
    { header: 'state', value: (r) => r.state },
    { header: 'days_left', value: (r) => r.daysLeft },
  ],
  'unchecked-meetings': [
    { header: 'user_id', value: (r) => r.userId },
    { header: 'event_id', value: (r) => r.eventId },
    { header: 'start', value: (r) => r.start },
    { header: 'problem', value: (r) => r.problem },
    { header: 'assessment_id', value: (r) => r.assessmentId },
    { header: 'found_at', value: (r) => r.foundAt },
  ],
};

export const REPORT_NAMES = Object.keys(REPORT_COLUMNS) as ReportName[];
