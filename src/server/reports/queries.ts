// The data-protection officer's reports: aggregates over ids and categories only. Each report is one
// query over the report columns migration 003 adds, so none of them reads a verdict document.
// Months are calendar months in Europe/Stockholm: of the meeting (first occurrence) for assessments,
// of the decision for co-approvals, of the discovery for incidents.
import { sql, type Kysely } from 'kysely';
import { addDays, type Policy } from '../../policy';
import type { AccountabilityDatabase } from './schema';
import type { Period, AssessmentsByMonthRow, ModeShareRow, DeviationUseRow, TurnaroundRow, IncidentCountRow, ReminderRow } from '../../api/contract';

export type { Period, AssessmentsByMonthRow, ModeShareRow, DeviationUseRow, TurnaroundRow, IncidentCountRow, ReminderRow };

/** The first day of the month after `month`. */
function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The twelve months up to and including today's. */
export function defaultPeriod(today: string): Period {
  const [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  const fromY = m === 12 ? y : y - 1;
  const fromM = m === 12 ? 1 : m + 1;
  return { from: `${fromY}-${String(fromM).padStart(2, '0')}`, to: today.slice(0, 7) };
}

const bounds = (p: Period) => ({ start: `${p.from}-01`, end: monthAfter(p.to) });
/** Instants bounding the period in Stockholm time, for timestamptz columns. */
const instantBounds = (p: Period) => {
  const b = bounds(p);
  return { start: sql<Date>`(${b.start}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`, end: sql<Date>`(${b.end}::date::timestamp AT TIME ZONE 'Europe/Stockholm')` };
};
const stockholmMonth = (column: string) => sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')`;

/** Checks per month by meeting type, service, mode and outcome (the verdict's `digital`); withdrawn checks are not counted. */
export async function assessmentsByMonth(db: Kysely<AccountabilityDatabase>, period: Period): Promise<AssessmentsByMonthRow[]> {
  const b = bounds(period);
  const rows = await db.selectFrom('assessments')
    .select([
      sql<string>`substr(first_date, 1, 7)`.as('month'), 'r_meeting_type', 'r_service', 'r_mode', 'r_outcome',
      sql<string>`count(*)`.as('n'), sql<string>`count(*) FILTER (WHERE r_not_client)`.as('not_client'),
    ])
    .where('status', '<>', 'withdrawn').where('first_date', '>=', b.start).where('first_date', '<', b.end)
    .groupBy([sql`1`, 'r_meeting_type', 'r_service', 'r_mode', 'r_outcome'])
    .orderBy(sql`1`).orderBy('r_meeting_type').orderBy(sql`r_service NULLS FIRST`).orderBy('r_mode').orderBy('r_outcome')
    .execute();
  return rows.map((r) => ({
    month: r.month, meetingTypeId: r.r_meeting_type ?? '', serviceId: r.r_service, mode: r.r_mode ?? '', outcome: r.r_outcome ?? '',
    assessments: Number(r.n), notClientMeeting: Number(r.not_client),
  }));
}

/**
 * Physical vs digital among the checks that were decided: ready (no co-approval needed) or approved.
 * The last row, month 'total', covers the whole period.
 */
export async function modeShare(db: Kysely<AccountabilityDatabase>, period: Period): Promise<ModeShareRow[]> {
  const b = bounds(period);
  const rows = await db.selectFrom('assessments')
    .select([
      sql<string>`coalesce(substr(first_date, 1, 7), 'total')`.as('month'),
      sql<string>`count(*) FILTER (WHERE r_mode = 'physical')`.as('physical'),
      sql<string>`count(*) FILTER (WHERE r_mode = 'digital')`.as('digital'),
    ])
    .where('status', 'in', ['ready', 'approved']).where('first_date', '>=', b.start).where('first_date', '<', b.end)
    .groupBy(sql`ROLLUP (substr(first_date, 1, 7))`)
    .orderBy(sql`substr(first_date, 1, 7) NULLS LAST`)
    .execute();
  const out = rows.map((r) => {
    const physical = Number(r.physical);
    const digital = Number(r.digital);
    const total = physical + digital;
    return { month: r.month, physical, digital, total, digitalShare: total === 0 ? null : Math.round((digital / total) * 1000) / 1000 };
  });
  if (!out.some((r) => r.month === 'total')) out.push({ month: 'total', physical: 0, digital: 0, total: 0, digitalShare: null });
  return out;
}

/** Digital checks that relied on a decided deviation (rule 5), with the decision's reference. */
export async function deviationsUsed(db: Kysely<AccountabilityDatabase>, period: Period): Promise<DeviationUseRow[]> {
  const b = bounds(period);
  const rows = await db.selectFrom('assessments')
    .select([
      'r_deviation', 'r_deviation_ref', sql<string>`count(*)`.as('n'),
      sql<string>`string_agg(DISTINCT r_meeting_type, ' ' ORDER BY r_meeting_type)`.as('types'),
      sql<string>`min(first_date)`.as('first'), sql<string>`max(first_date)`.as('last'),
    ])
    .where('status', '<>', 'withdrawn').where('r_mode', '=', 'digital').where('r_deviation', 'is not', null)
    .where('first_date', '>=', b.start).where('first_date', '<', b.end)
    .groupBy(['r_deviation', 'r_deviation_ref']).orderBy('r_deviation').orderBy('r_deviation_ref')
    .execute();
  return rows.map((r) => ({ deviationId: r.r_deviation ?? '', reference: r.r_deviation_ref ?? '', assessments: Number(r.n), meetingTypes: r.types, firstMeeting: r.first, lastMeeting: r.last }));
}

/**
 * Co-approval turnaround: from the last submit before a decision to the decision, in hours.
 * Per month of the decision, and a last row 'total' for the period.
 */
export async function coApprovalTurnaround(db: Kysely<AccountabilityDatabase>, period: Period): Promise<TurnaroundRow[]> {
  const b = instantBounds(period);
  const result = await sql<{ month: string | null; decisions: string; approved: string; rejected: string; median: number | null; p90: number | null }>`
    WITH t AS (
      SELECT ${stockholmMonth('d.decided_at')} AS month, d.outcome,
             extract(epoch FROM d.decided_at - s.at) / 3600.0 AS hours
        FROM decisions d
        CROSS JOIN LATERAL (
          SELECT max(l.at) AS at FROM audit_log l
           WHERE l.action = 'assessment.submit' AND l.entity_id = d.assessment_id::text AND l.at <= d.decided_at
        ) s
       WHERE d.decided_at >= ${b.start} AND d.decided_at < ${b.end}
    )
    SELECT month, count(*) AS decisions,
           count(*) FILTER (WHERE outcome = 'approved') AS approved,
           count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours IS NOT NULL) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours IS NOT NULL) AS p90
      FROM t GROUP BY ROLLUP (month) ORDER BY month NULLS LAST`.execute(db);
  const round = (h: number | null) => (h === null ? null : Math.round(Number(h) * 10) / 10);
  const out = result.rows.map((r) => ({
    month: r.month ?? 'total', decisions: Number(r.decisions), approved: Number(r.approved), rejected: Number(r.rejected), medianHours: round(r.median), p90Hours: round(r.p90),
  }));
  if (!out.some((r) => r.month === 'total')) out.push({ month: 'total', decisions: 0, approved: 0, rejected: 0, medianHours: null, p90Hours: null });
  return out;
}

/** Incidents discovered in the period, by category and status; late and overdue notifications counted. */
export async function incidentsByCategory(db: Kysely<AccountabilityDatabase>, period: Period, now: Date): Promise<IncidentCountRow[]> {
  const b = instantBounds(period);
  const rows = await db.selectFrom('incidents')
    .select([
      'category', 'status', sql<string>`count(*)`.as('n'),
      sql<string>`count(*) FILTER (WHERE must_notify_imy)`.as('must'),
      sql<string>`count(*) FILTER (WHERE imy_notified_at > notification_deadline)`.as('late'),
      sql<string>`count(*) FILTER (WHERE must_notify_imy AND imy_notified_at IS NULL AND status <> 'avslutad' AND notification_deadline < ${now})`.as('overdue'),
    ])
    .where('discovered_at', '>=', b.start).where('discovered_at', '<', b.end)
    .groupBy(['category', 'status']).orderBy('category').orderBy('status')
    .execute();
  return rows.map((r) => ({ category: r.category, status: r.status, incidents: Number(r.n), mustNotify: Number(r.must), notifiedLate: Number(r.late), overdue: Number(r.overdue) }));
}

export const REMINDER_DAYS = 30;

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * Review reminders from the published policy (art. 32.1 d): services whose risk analysis' reviewBy
 * has passed or falls within 30 days, and deviations whose validUntil falls within 30 days.
 */
export function reviewReminders(policy: Policy, today: string): ReminderRow[] {
  const horizon = addDays(today, REMINDER_DAYS);
  const out: ReminderRow[] = [];
  for (const s of policy.services) {
    const due = s.riskAnalysis.reviewBy;
    if (due <= horizon) out.push({ kind: 'risk-analysis-review', id: s.id, serviceId: s.id, reference: s.riskAnalysis.reference, dueDate: due, state: due < today ? 'overdue' : 'due-soon', daysLeft: daysBetween(today, due) });
  }
  for (const d of policy.deviations) {
    const due = d.decision.validUntil;
    if (due >= today && due <= horizon) out.push({ kind: 'deviation-expiry', id: d.id, serviceId: d.serviceId, reference: d.decision.reference, dueDate: due, state: 'expiring', daysLeft: daysBetween(today, due) });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
