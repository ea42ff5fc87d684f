// Every change runs in one transaction that first locks the audit chain head. That lock serialises
// writes (across server processes too), so read-then-write checks inside are race-free, and the
// change and its audit event commit together or not at all.
import type { Kysely, Transaction } from 'kysely';
import { appendEvents, type PendingEvent } from '../audit';
import type { Clock } from '../deps';
import type { Database } from '../store/schema';

export interface WriteContext {
  tx: Transaction<Database>;
  /** The time of this change, read after the lock so that audit times never run backwards. */
  now: Date;
  actor: string;
  record(action: string, entityType: string, entityId: string, state: unknown): void;
}

export async function write<T>(db: Kysely<Database>, clock: Clock, actor: string, fn: (ctx: WriteContext) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    const events: PendingEvent[] = [];
    const now = clock.now();
    const result = await fn({ tx, now, actor, record: (action, entityType, entityId, state) => events.push({ action, entityType, entityId, state }) });
    await appendEvents(tx, { seq: Number(head.seq), hash: head.hash }, actor, now, events);
    return result;
  });
}
