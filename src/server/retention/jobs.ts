// The scheduled retention purge: once a day when RETENTION_DAYS (the document plan's period) is set.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../deps';
import type { Database } from '../store/schema';
import { purgeExpiredRecords } from './purge';

const DAY_MS = 24 * 3600_000;

/** Starts the daily purge; returns its timer (none when no retention period is configured). */
export function scheduleRetention(db: Kysely<Database>, clock: Clock, days: number | null, log: FastifyBaseLogger): NodeJS.Timeout[] {
  if (days === null) {
    log.warn('RETENTION_DAYS is not set: no records are purged; set it from the document plan');
    return [];
  }
  const run = () => purgeExpiredRecords(db, clock, days)
    .then((r) => log.info({ purge: r }, 'retention purge done'))
    .catch((err: unknown) => log.error({ err }, 'retention purge failed'));
  return [setInterval(run, DAY_MS)];
}
