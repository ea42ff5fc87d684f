// What the second line of control found: meetings without a completed check, as the reports read them.
import type { Kysely } from 'kysely';
import type { AccountabilityDatabase } from '../reports/schema';

import type { SweepProblem, UncheckedMeetingRow } from '../../api/contract';

export type { SweepProblem, UncheckedMeetingRow };

/** Findings for meetings starting from `from` on, soonest first. */
export async function uncheckedMeetings(db: Kysely<AccountabilityDatabase>, from: Date): Promise<UncheckedMeetingRow[]> {
  const rows = await db.selectFrom('sweep_findings').selectAll().where('start_at', '>=', from).orderBy('start_at').orderBy('user_id').orderBy('event_id').execute();
  return rows.map((r) => ({ userId: r.user_id, eventId: r.event_id, start: r.start_at.toISOString(), problem: r.problem as SweepProblem, assessmentId: r.assessment_id, foundAt: r.found_at.toISOString() }));
}
