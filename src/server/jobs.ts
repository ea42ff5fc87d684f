// Scheduled jobs that must run on one server process at a time, however many share the database (the
// calendar sweep, the review-reminder pass). A job takes a lease in job_leases (migrations/004) with
// one statement; a process that crashes mid-run loses the lease when it runs out.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from './deps';
import type { Database } from './store/schema';

type Logger = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

export class JobLeases {
  /** This process's name in job_leases. */
  readonly holder = randomUUID();

  constructor(private readonly db: Kysely<Database>, private readonly clock: Clock) {}

  /** Takes the lease on `name` for `seconds` when it is free or already ours; false when another holds it. */
  async acquire(name: string, seconds: number): Promise<boolean> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + seconds * 1000);
    const r = await sql<{ name: string }>`
      INSERT INTO job_leases (name, holder, until) VALUES (${name}, ${this.holder}, ${until})
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE job_leases.until <= ${now} OR job_leases.holder = excluded.holder
      RETURNING name`.execute(this.db);
    return r.rows.length === 1;
  }

  async release(name: string): Promise<void> {
    await sql`UPDATE job_leases SET until = ${this.clock.now()} WHERE name = ${name} AND holder = ${this.holder}`.execute(this.db);
  }
}

export interface JobOptions {
  name: string;
  intervalMinutes: number;
  /** How long one run may take before another process may take over. */
  leaseSeconds: number;
  /** Wait before the first run (lets the server finish starting). */
  firstRunAfterMs?: number;
}

/**
 * Runs `job` every `intervalMinutes` under its lease; a run that finds the lease taken is skipped, a
 * failing run is logged and the next one tried as scheduled. Returns the timers to clear at stop.
 */
export function scheduleJob(leases: JobLeases, options: JobOptions, job: () => Promise<object>, log: Logger): NodeJS.Timeout[] {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      if (!(await leases.acquire(options.name, options.leaseSeconds))) return;
      try {
        const result = await job();
        log.info({ job: options.name, ...result }, `${options.name} done`);
      } finally {
        await leases.release(options.name);
      }
    } catch (err) {
      log.error({ err, job: options.name }, `${options.name} failed; next run as scheduled`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), options.firstRunAfterMs ?? 10_000);
  const every = setInterval(() => void run(), options.intervalMinutes * 60_000);
  first.unref();
  every.unref();
  return [first, every];
}
