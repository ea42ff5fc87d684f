// What the second line of control found: meetings without a completed check, as the reports read them.
import type { Kysely } from 'kysely';
import type { AccountabilityDatabase } from '../reports/schema';

export type SweepProblem = 'no-check' | 'check-incomplete' | 'check-withdrawn';

export interface UncheckedMeetingRow {
  userId: string;
  eventId: string;
  start: string;
  problem: SweepProblem;
  assessmentId: string | null;
  foundAt: string;
}

/** Findings for meetings starting from `from` on, soonest first. */
export async function uncheckedMeetings(db: Kysely<AccountabilityDatabase>, from: Date): Promise<UncheckedMeetingRow[]> {
  const rows = await db.selectFrom('sweep_findings').selectAll().where('start_at', '>=', from).orderBy('start_at').orderBy('user_id').orderBy('event_id').execute();
  return rows.map((r) => ({ userId: r.user_id, eventId: r.event_id, start: r.start_at.toISOString(), problem: r.problem as SweepProblem, assessmentId: r.assessment_id, foundAt: r.found_at.toISOString() }));
}
