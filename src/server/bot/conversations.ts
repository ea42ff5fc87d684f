// The bot's 1:1 conversations by user object id (ids only): learnt from every validated incoming
// activity, or found through Graph when the bot writes first (the app installed for the user).
import { sql, type Generated, type Kysely } from 'kysely';
import type { Database } from '../store/schema';

export interface BotUserRow {
  oid: string;
  teams_user_id: string | null;
  conversation_id: string;
  service_url: string;
  locale: string | null;
  updated_at: Date;
}

/** The tables of migrations/002_outbox.sql (and 004's notice columns) as kysely sees them. */
export interface IntegrationTables {
  bot_users: BotUserRow;
  outbox: {
    id: Generated<string | number>;
    kind: string;
    dedupe_key: string;
    /** Null for notices not about one assessment (review reminders, sweep findings; migrations/004). */
    assessment_id: string | null;
    revision: number | null;
    recipient: string;
    /** What a notice says (JSON): review reminders and sweep findings. */
    payload: unknown;
    status: Generated<string>;
    attempts: Generated<number>;
    next_attempt_at: Date;
    locked_until: Date | null;
    not_found_since: Date | null;
    last_error: string | null;
    created_at: Date;
    done_at: Date | null;
  };
  assessment_flags: { assessment_id: string; outbox_id: string | number; code: string; raised_at: Date };
  event_extensions: { organizer: string; event_id: string; created_at: Date };
  /** migrations/004: which review reminders each policy admin was sent. */
  review_reminder_notices: { recipient: string; item_key: string; sent_at: Date };
}
export type IntegrationDatabase = Database & IntegrationTables;
export const withIntegrationTables = (db: Kysely<Database>) => db as unknown as Kysely<IntegrationDatabase>;

export class ConversationStore {
  private readonly db: Kysely<IntegrationDatabase>;
  constructor(db: Kysely<Database>) {
    this.db = withIntegrationTables(db);
  }

  async get(oid: string): Promise<BotUserRow | undefined> {
    return this.db.selectFrom('bot_users').selectAll().where('oid', '=', oid).executeTakeFirst();
  }

  /** Only personal (1:1) conversations are kept: proactive messages go there. */
  async remember(entry: { oid: string; conversationId: string; serviceUrl: string; teamsUserId?: string | undefined; locale?: string | undefined }, now: Date): Promise<void> {
    await this.db.insertInto('bot_users').values({
      oid: entry.oid, conversation_id: entry.conversationId, service_url: entry.serviceUrl,
      teams_user_id: entry.teamsUserId ?? null, locale: entry.locale ?? null, updated_at: now,
    }).onConflict((oc) => oc.column('oid').doUpdateSet({
      conversation_id: entry.conversationId,
      service_url: entry.serviceUrl,
      teams_user_id: sql`coalesce(excluded.teams_user_id, bot_users.teams_user_id)`,
      locale: sql`coalesce(excluded.locale, bot_users.locale)`,
      updated_at: now,
    })).execute();
  }
}
