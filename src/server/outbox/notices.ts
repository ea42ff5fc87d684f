// Notices that are not about one assessment: review reminders to the policy admins, and the second line
// of control's findings to the caseworker and their manager. Each reads its payload (ids, dates,
// categories) and re-checks the database, so a finding resolved since it was queued is not sent.
import type { Kysely } from 'kysely';
import { reviewReminderCard, uncheckedMeetingCard } from '../../cards';
import type { Policy } from '../../policy/types';
import { langOf } from '../bot/views';
import type { ProactiveSender } from '../bot/sender';
import type { Clock } from '../deps';
import type { Directory } from '../graph/directory';
import type { ReviewReminderNotice } from '../reports/reviewNotices';
import { accountabilityDb } from '../reports/schema';
import type { Database } from '../store/schema';
import type { SweepFindingNotice } from '../sweep/sweep';
import type { OutboxHandler, OutboxKind } from './outbox';

export interface NoticeEffectsOptions {
  db: Kysely<Database>;
  clock: Clock;
  policy: (version: number) => Promise<Policy>;
  directory: Pick<Directory, 'displayName'>;
  sender: Pick<ProactiveSender, 'recipient' | 'sendCard'>;
  defaultLang: 'sv' | 'en';
  /** The manifest id: the review reminder links to the Inställningar tab with a Teams deep link. */
  teamsAppId: string;
}

const payloadOf = <T>(payload: unknown): T => (typeof payload === 'string' ? JSON.parse(payload) : payload) as T;

export function noticeHandlers(o: NoticeEffectsOptions): Partial<Record<OutboxKind, OutboxHandler>> {
  const db = accountabilityDb(o.db);
  return {
    'review-reminder': async (row) => {
      const n = payloadOf<ReviewReminderNotice>(row.payload);
      const to = await o.sender.recipient(row.recipient);
      const card = reviewReminderCard({
        reminders: n.reminders, newKeys: n.newKeys, policy: await o.policy(n.policyNumber), lang: langOf(to.locale, o.defaultLang),
        openUrl: `https://teams.microsoft.com/l/entity/${encodeURIComponent(o.teamsAppId)}/settings`,
      });
      await o.sender.sendCard(to.conversationId, card);
      return 'done';
    },
    'sweep-finding': async (row) => {
      const n = payloadOf<SweepFindingNotice>(row.payload);
      const now = o.clock.now();
      const f = await db.selectFrom('sweep_findings').select(['problem', 'start_at']).where('user_id', '=', n.userId).where('event_id', '=', n.eventId).executeTakeFirst();
      // Checked, moved or cancelled since the sweep, or already begun: nothing to tell any more.
      if (!f || f.problem !== n.problem || f.start_at.toISOString() !== n.start || f.start_at.getTime() <= now.getTime()) return 'superseded';
      const to = await o.sender.recipient(row.recipient);
      const names = n.audience === 'manager' ? { caseworker: await o.directory.displayName(n.userId) } : {};
      const card = uncheckedMeetingCard({
        finding: { eventId: n.eventId, start: n.start, problem: n.problem, assessmentId: n.assessmentId },
        audience: n.audience, names, lang: langOf(to.locale, o.defaultLang),
        // Only the caseworker can open the event in their own calendar.
        ...(n.audience === 'caseworker' && n.webLink ? { eventUrl: n.webLink } : {}),
      });
      await o.sender.sendCard(to.conversationId, card);
      return 'done';
    },
  };
}
