// The tables migration 003 adds, as kysely sees them, on top of the server's own schema. The
// accountability modules use `accountabilityDb(store.db)`; the rest of the server never needs them.
import type { ColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';

type Timestamp = ColumnType<Date, Date, Date>;
type BigInt8 = ColumnType<string | number, number, number>;
/** A generated column: read only. */
type Generated<T> = ColumnType<T, never, never>;

export interface AccountabilityTables {
  incidents: {
    id: string;
    revision: number;
    assessment_id: string | null;
    category: string;
    occurred_at: Timestamp;
    discovered_at: Timestamp;
    notification_deadline: Timestamp;
    description: string;
    effects: string;
    corrective_actions: string;
    must_notify_imy: boolean;
    imy_notified_at: Timestamp | null;
    imy_reference: string | null;
    delay_reason: string | null;
    status: string;
    reported_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    closed_at: Timestamp | null;
  };
  audit_checkpoints: {
    seq: BigInt8;
    hash: string;
    at: Timestamp;
    created_at: Timestamp;
    purge_seq: BigInt8;
    state: ColumnType<unknown, string, string>;
  };
  sweep_calendars: {
    user_id: string;
    delta_link: string | null;
    window_start: Timestamp | null;
    window_end: Timestamp | null;
    swept_at: Timestamp | null;
  };
  sweep_findings: {
    user_id: string;
    event_id: string;
    start_at: Timestamp;
    assessment_id: string | null;
    problem: string;
    found_at: Timestamp;
    /** The event's Outlook web link (https only), for the notice's button. */
    web_link: string | null;
  };
}

export interface AssessmentReportColumns {
  r_meeting_type: Generated<string | null>;
  r_service: Generated<string | null>;
  r_mode: Generated<string | null>;
  r_outcome: Generated<string | null>;
  r_deviation: Generated<string | null>;
  r_deviation_ref: Generated<string | null>;
  r_not_client: Generated<boolean>;
}

export type AccountabilityDatabase = Omit<Database, 'assessments'> & AccountabilityTables & {
  assessments: Database['assessments'] & AssessmentReportColumns;
};

/** The same connection, typed with migration 003's tables. */
export function accountabilityDb(db: Kysely<Database>): Kysely<AccountabilityDatabase> {
  return db as unknown as Kysely<AccountabilityDatabase>;
}

/** A write transaction (services/write.ts), typed with migration 003's tables. */
export function accountabilityTx(tx: Transaction<Database>): Transaction<AccountabilityDatabase> {
  return tx as unknown as Transaction<AccountabilityDatabase>;
}
