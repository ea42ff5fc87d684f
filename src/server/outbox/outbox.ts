// The outbox worker: side effects of decisions and status changes (the open extension on the
// organizer's event, cards and notices in Teams) are rows written in the same transaction as the
// change (migrations/002_outbox.sql); workers claim due rows with FOR UPDATE SKIP LOCKED and a lease,
// so several server processes share the work and a crashed worker's rows come back after the lease.
// Failures are never dropped: 429/503/504 wait for Retry-After or exponential backoff, whichever is
// longer; a 404 (the event not yet in the organizer's calendar) is retried for a bounded window and
// then the assessment is flagged; anything else is retried with capped backoff.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Clock } from '../deps';
import { graphFailure } from '../graph/client';
import type { Database } from '../store/schema';
import { write } from '../services/write';
import { withIntegrationTables, type IntegrationDatabase, type IntegrationTables } from '../bot/conversations';

export type OutboxRow = Selectable<IntegrationTables['outbox']>;
export type OutboxKind = 'event-extension' | 'approval-card' | 'outcome-notice' | 'recheck-notice' | 'reminder' | 'pending-warning' | 'review-reminder' | 'sweep-finding';

/** What a handler did: the effect happened, or it no longer applies (a newer revision or decision took over). */
export type HandlerResult = 'done' | 'superseded';
export type OutboxHandler = (row: OutboxRow) => Promise<HandlerResult>;

/** A row of one of an assessment's effects: these always name the assessment and revision (004's check). */
export type AssessmentEffectRow = OutboxRow & { assessment_id: string; revision: number };

/** Wraps a handler of an assessment's effect; a row without its assessment is a programming error. */
export function forAssessment(handler: (row: AssessmentEffectRow) => Promise<HandlerResult>): OutboxHandler {
  return (row) => {
    if (row.assessment_id === null || row.revision === null) throw new Error(`outbox row ${row.id} (${row.kind}) names no assessment`);
    return handler(row as AssessmentEffectRow);
  };
}

/** Thrown by a handler when what it writes to is not there (yet): counts toward the not-found window. */
export class NotFoundYet extends Error {
  override readonly name = 'NotFoundYet';
}

export interface OutboxOptions {
  leaseSeconds: number;
  notFoundWindowMinutes: number;
  maxBackoffSeconds: number;
  /** The first retry's delay; doubled per attempt. */
  baseBackoffSeconds?: number;
  batchSize?: number;
}

export interface RunReport { claimed: number; done: number; superseded: number; retried: number; flagged: number }

export function backoffSeconds(attempts: number, options: Pick<OutboxOptions, 'maxBackoffSeconds' | 'baseBackoffSeconds'>): number {
  return Math.min(options.maxBackoffSeconds, (options.baseBackoffSeconds ?? 2) * 2 ** Math.max(0, attempts - 1));
}

/** The status of a failed call from either client: the Graph client's GraphError or the Teams SDK's axios error. */
function failureOf(err: unknown): { status: number; retryAfterSeconds?: number } {
  if (err instanceof NotFoundYet) return { status: 404 };
  const g = graphFailure(err);
  if (g.status > 0) return g;
  const axios = err as { response?: { status?: number; headers?: Record<string, unknown> } };
  const status = axios?.response?.status;
  if (typeof status === 'number') {
    const ra = Number(axios.response?.headers?.['retry-after']);
    return { status, ...(Number.isFinite(ra) && ra >= 0 ? { retryAfterSeconds: ra } : {}) };
  }
  return { status: 0 };
}

export class OutboxWorker {
  private readonly db: Kysely<IntegrationDatabase>;
  private running: Promise<void> | undefined;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly rawDb: Kysely<Database>,
    private readonly clock: Clock,
    private readonly handlers: Partial<Record<OutboxKind, OutboxHandler>>,
    private readonly options: OutboxOptions,
    public log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void } = { warn: () => undefined, error: () => undefined },
  ) {
    this.db = withIntegrationTables(rawDb);
  }

  /** Claims due rows of the kinds this worker handles; they are leased to it until `locked_until`. */
  async claim(limit = this.options.batchSize ?? 10): Promise<OutboxRow[]> {
    const kinds = Object.keys(this.handlers);
    if (kinds.length === 0) return [];
    const now = this.clock.now();
    const until = new Date(now.getTime() + this.options.leaseSeconds * 1000);
    const result = await sql<OutboxRow>`
      UPDATE outbox SET locked_until = ${until}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM outbox
        WHERE status = 'pending' AND kind = ANY(${kinds}::text[]) AND next_attempt_at <= ${now}
          AND (locked_until IS NULL OR locked_until <= ${now})
        ORDER BY next_attempt_at, id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(this.db);
    return result.rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Claims and processes one batch; returns what happened (tests and the loop use it). */
  async runOnce(): Promise<RunReport> {
    const rows = await this.claim();
    const report: RunReport = { claimed: rows.length, done: 0, superseded: 0, retried: 0, flagged: 0 };
    for (const row of rows) {
      const outcome = await this.process(row);
      report[outcome]++;
    }
    return report;
  }

  /** Runs batches until nothing is due (tests). */
  async drain(maxBatches = 100): Promise<RunReport> {
    const total: RunReport = { claimed: 0, done: 0, superseded: 0, retried: 0, flagged: 0 };
    for (let i = 0; i < maxBatches; i++) {
      const r = await this.runOnce();
      for (const k of Object.keys(total) as (keyof RunReport)[]) total[k] += r[k];
      if (r.claimed === 0) break;
    }
    return total;
  }

  private async process(row: OutboxRow): Promise<'done' | 'superseded' | 'retried' | 'flagged'> {
    const handler = this.handlers[row.kind as OutboxKind]!;
    try {
      const result = await handler(row);
      await this.db.updateTable('outbox').set({ status: result, done_at: this.clock.now(), locked_until: null, last_error: null }).where('id', '=', row.id).execute();
      return result;
    } catch (err) {
      return this.failed(row, err);
    }
  }

  private async failed(row: OutboxRow, err: unknown): Promise<'retried' | 'flagged'> {
    const now = this.clock.now();
    const f = failureOf(err);
    const message = `${f.status || 'no answer'}: ${(err as Error)?.message ?? String(err)}`.slice(0, 500);
    if (f.status === 404) {
      const since = row.not_found_since ?? now;
      if (now.getTime() - since.getTime() >= this.options.notFoundWindowMinutes * 60_000) {
        await this.flag(row, 'not-found', message);
        return 'flagged';
      }
      await this.db.updateTable('outbox').set({
        not_found_since: since, next_attempt_at: new Date(now.getTime() + backoffSeconds(row.attempts, this.options) * 1000), locked_until: null, last_error: message,
      }).where('id', '=', row.id).execute();
      return 'retried';
    }
    const throttled = f.status === 429 || f.status === 503 || f.status === 504;
    const wait = Math.max(throttled ? (f.retryAfterSeconds ?? 0) : 0, backoffSeconds(row.attempts, this.options));
    if (!throttled) this.log.error({ err, outboxId: row.id, kind: row.kind }, 'outbox effect failed; it will be retried');
    await this.db.updateTable('outbox').set({ next_attempt_at: new Date(now.getTime() + wait * 1000), locked_until: null, last_error: message }).where('id', '=', row.id).execute();
    return 'retried';
  }

  /** Stops retrying a row and flags its assessment (or the notice), with an audit event: never a silent drop. */
  private async flag(row: OutboxRow, code: string, message: string): Promise<void> {
    this.log.warn({ outboxId: row.id, kind: row.kind, assessmentId: row.assessment_id }, `outbox effect flagged (${code})`);
    await write(this.rawDb, this.clock, 'system', async (ctx) => {
      const tx = withIntegrationTables(ctx.tx as unknown as Kysely<Database>);
      await tx.updateTable('outbox').set({ status: 'flagged', locked_until: null, last_error: message, done_at: ctx.now }).where('id', '=', row.id).execute();
      if (row.assessment_id === null) {
        ctx.record('notice.flag', 'outbox', String(row.id), { code: `${row.kind}:${code}`, recipient: row.recipient });
        return;
      }
      await tx.insertInto('assessment_flags').values({ assessment_id: row.assessment_id, outbox_id: row.id, code: `${row.kind}:${code}`, raised_at: ctx.now }).onConflict((oc) => oc.doNothing()).execute();
      ctx.record('assessment.flag', 'assessment', row.assessment_id, { code: `${row.kind}:${code}`, outboxId: Number(row.id), revision: row.revision });
    });
  }

  /** Polls every `pollSeconds` until stopped; `nudge()` runs a pass at once (after a decision). */
  start(pollSeconds: number, beforeEachPass?: () => Promise<void>): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      while (!this.stopped) {
        try {
          if (beforeEachPass) await beforeEachPass();
          const r = await this.runOnce();
          if (r.claimed > 0) continue;
        } catch (err) {
          this.log.error({ err }, 'outbox pass failed');
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, pollSeconds * 1000);
          this.timer.unref();
        });
      }
    };
    this.running = loop();
  }

  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }
}
