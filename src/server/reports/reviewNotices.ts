// Review reminders in Teams (art. 32.1 d): each pass reads the published policy's reminders (services
// whose risk analysis is due for review, deviations about to expire), and queues one card per policy
// admin listing them all when at least one is new to that admin. An item is `kind:id:dueDate:state`,
// so a new review date, or due-soon turning overdue, is news; the same state is never sent twice.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReminderRow } from '../../api/contract';
import { reminderKey } from '../../cards';
import { stockholmDate } from '../../policy';
import { withIntegrationTables } from '../bot/conversations';
import type { Clock } from '../deps';
import type { RoleHolders } from '../graph/roles';
import type { PolicyService } from '../services/policy';
import type { Database } from '../store/schema';
import { reviewReminders } from './queries';

/** What a review-reminder notice carries (the outbox row's payload). */
export interface ReviewReminderNotice {
  policyNumber: number;
  today: string;
  reminders: ReminderRow[];
  /** `kind:id` of the reminders new to this admin since the last card. */
  newKeys: string[];
}

const itemKey = (r: ReminderRow) => `${r.kind}:${r.id}:${r.dueDate}:${r.state}`;

export interface ReviewPassResult { reminders: number; admins: number; queued: number }

export async function queueReviewReminders(
  rawDb: Kysely<Database>, clock: Clock, policies: Pick<PolicyService, 'published'>, admins: RoleHolders,
): Promise<ReviewPassResult> {
  const db = withIntegrationTables(rawDb);
  const now = clock.now();
  const today = stockholmDate(now.toISOString());
  const published = await policies.published();
  const reminders = reviewReminders(published.policy, today);
  if (reminders.length === 0) return { reminders: 0, admins: 0, queued: 0 };
  const recipients = await admins.holders('PolicyAdmin');
  if (recipients.length === 0) return { reminders: reminders.length, admins: 0, queued: 0 };

  let queued = 0;
  await db.transaction().execute(async (tx) => {
    const sent = await tx.selectFrom('review_reminder_notices').select(['recipient', 'item_key']).where('recipient', 'in', recipients).execute();
    const seen = new Set(sent.map((r) => `${r.recipient} ${r.item_key}`));
    for (const admin of recipients) {
      const fresh = reminders.filter((r) => !seen.has(`${admin} ${itemKey(r)}`));
      if (fresh.length === 0) continue;
      const payload: ReviewReminderNotice = { policyNumber: published.version, today, reminders, newKeys: fresh.map(reminderKey) };
      const digest = createHash('sha256').update(fresh.map(itemKey).sort().join('\n')).digest('hex').slice(0, 32);
      const r = await tx.insertInto('outbox').values({
        kind: 'review-reminder', dedupe_key: `review-reminder:${admin}:${digest}`, assessment_id: null, revision: null,
        recipient: admin, payload: JSON.stringify(payload), next_attempt_at: now, created_at: now,
      }).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
      queued += Number(r.numInsertedOrUpdatedRows ?? 0);
      await tx.insertInto('review_reminder_notices').values(fresh.map((f) => ({ recipient: admin, item_key: itemKey(f), sent_at: now })))
        .onConflict((oc) => oc.doNothing()).execute();
    }
  });
  return { reminders: reminders.length, admins: recipients.length, queued };
}
