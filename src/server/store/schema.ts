// The database's tables as kysely sees them (migrations/*.sql is the source of truth).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date, Date>;
/** int8 arrives as a string from pg and as a number from PGlite: read it through Number(). */
type BigInt8 = ColumnType<string | number, number, number>;

export interface Database {
  policy_versions: {
    number: number;
    hash: string;
    policy: ColumnType<unknown, string, string>;
    published_at: Timestamp;
    published_by: string;
    change_note: string;
  };
  policy_draft: {
    id: number;
    policy: ColumnType<unknown, string, string>;
    revision: number;
    updated_at: Timestamp;
    updated_by: string;
  };
  assessments: {
    id: string;
    organizer: string;
    revision: number;
    status: string;
    input: ColumnType<unknown, string, string>;
    verdict: ColumnType<unknown, string, string>;
    policy_version: string;
    policy_number: number;
    approvers: ColumnType<string[], string[] | undefined, string[]>;
    event_id: string | null;
    teams_meeting_id: string | null;
    join_url_hash: string | null;
    first_date: string;
    last_date: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  assessment_revisions: {
    assessment_id: string;
    revision: number;
    input: ColumnType<unknown, string, string>;
    verdict: ColumnType<unknown, string, string>;
    policy_version: string;
    created_at: Timestamp;
    created_by: string;
  };
  decisions: {
    assessment_id: string;
    revision: number;
    outcome: string;
    decided_by: string;
    decided_at: Timestamp;
    comment: string | null;
  };
  checklist_confirmations: {
    assessment_id: string;
    revision: number;
    item_id: string;
    confirmed_at: Timestamp;
    confirmed_by: string;
  };
  identity_checks: {
    assessment_id: string;
    revision: number;
    counterpart: number;
    method_id: string;
    assurance: number;
    checked_at: Timestamp;
    checked_by: string;
  };
  audit_log: {
    seq: BigInt8;
    at: Timestamp;
    actor: string;
    action: string;
    entity_type: string;
    entity_id: string;
    state_digest: string;
    prev_hash: string;
    hash: string;
  };
  audit_head: { id: number; seq: BigInt8; hash: string };
  schema_migrations: { name: string; applied_at: Generated<Date> };
}
