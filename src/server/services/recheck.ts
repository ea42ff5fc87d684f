// Open assessments whose verdict would now be different go to needs-recheck, as a new revision with
// the new verdict (so no earlier approval covers it). Run when a policy is published and by the daily
// pass, which also catches deviations and risk-analysis reviews that expire as days pass.
import type { Kysely } from 'kysely';
import type { AssessmentInput } from '../../api/contract';
import { stockholmDate, type CompiledPolicy, type Verdict } from '../../policy';
import type { Clock } from '../deps';
import { HttpError } from '../errors';
import type { Database } from '../store/schema';
import { judge, sameVerdict } from './evaluation';
import { write, type WriteContext } from './write';

export const OPEN_STATUSES = ['draft', 'awaiting-approval', 'approved', 'ready'] as const;

export async function recheckOpenAssessments(
  ctx: WriteContext,
  policy: { number: number; compiled: CompiledPolicy },
  options: { clampToToday: boolean },
): Promise<{ checked: number; needsRecheck: string[] }> {
  const today = stockholmDate(ctx.now.toISOString());
  // Meetings entirely in the past are no longer open: nothing to recheck.
  const rows = await ctx.tx.selectFrom('assessments').selectAll().where('status', 'in', [...OPEN_STATUSES]).where('last_date', '>=', today).execute();
  const changed: string[] = [];
  for (const row of rows) {
    const input = row.input as AssessmentInput;
    let verdict: Verdict;
    try {
      // A series already under way is judged from today to its last occurrence.
      verdict = judge(policy.compiled, input, options.clampToToday ? today : undefined);
    } catch (err) {
      // The new policy no longer knows an id this assessment uses: that, too, needs the caseworker.
      if (!(err instanceof HttpError)) throw err;
      verdict = { ...(row.verdict as Verdict), policyVersion: policy.compiled.version, digital: 'not-allowed', approvedServices: [] };
    }
    if (sameVerdict(verdict, row.verdict as Verdict)) continue;
    const revision = row.revision + 1;
    await ctx.tx.updateTable('assessments').set({
      status: 'needs-recheck', revision, verdict: JSON.stringify(verdict), policy_version: verdict.policyVersion, policy_number: policy.number, approvers: [], updated_at: ctx.now,
    }).where('id', '=', row.id).execute();
    await ctx.tx.insertInto('assessment_revisions').values({
      assessment_id: row.id, revision, input: JSON.stringify(input), verdict: JSON.stringify(verdict), policy_version: verdict.policyVersion, created_at: ctx.now, created_by: ctx.actor,
    }).execute();
    ctx.record('assessment.needs-recheck', 'assessment', row.id, { revision, status: 'needs-recheck', input, verdict });
    changed.push(row.id);
  }
  return { checked: rows.length, needsRecheck: changed };
}

/** The daily pass: callable from a timer and from tests with an injected clock. */
export async function dailyRecheck(db: Kysely<Database>, clock: Clock, loadPolicy: (db: Kysely<Database>) => Promise<{ version: number; compiled: CompiledPolicy }>) {
  return write(db, clock, 'system', async (ctx) => {
    const p = await loadPolicy(ctx.tx);
    return recheckOpenAssessments(ctx, { number: p.version, compiled: p.compiled }, { clampToToday: true });
  });
}
