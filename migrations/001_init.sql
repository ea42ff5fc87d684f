-- Mötescheck schema: ids and categories only (DESIGN.md "Records and data minimisation").
-- One set of migrations for PGlite and PostgreSQL.

CREATE TABLE policy_versions (
  number        integer PRIMARY KEY CHECK (number > 0),
  hash          text NOT NULL CHECK (hash ~ '^sha256:[0-9a-f]{64}$'),
  policy        jsonb NOT NULL,
  published_at  timestamptz NOT NULL,
  published_by  text NOT NULL,
  change_note   text NOT NULL
);

-- The single editable draft; revision backs the ETag so concurrent editors cannot overwrite each other.
CREATE TABLE policy_draft (
  id          smallint PRIMARY KEY CHECK (id = 1),
  policy      jsonb NOT NULL,
  revision    integer NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL
);

CREATE TABLE assessments (
  id                  uuid PRIMARY KEY,
  organizer           text NOT NULL,
  revision            integer NOT NULL CHECK (revision > 0),
  status              text NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'approved', 'rejected', 'ready', 'withdrawn', 'needs-recheck')),
  input               jsonb NOT NULL,
  verdict             jsonb NOT NULL,
  policy_version      text NOT NULL,
  policy_number       integer NOT NULL REFERENCES policy_versions (number),
  approvers           text[] NOT NULL DEFAULT '{}',
  event_id            text,
  teams_meeting_id    text,
  join_url_hash       text,
  first_date          text NOT NULL CHECK (first_date ~ '^\d{4}-\d{2}-\d{2}$'),
  last_date           text NOT NULL CHECK (last_date ~ '^\d{4}-\d{2}-\d{2}$'),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX assessments_organizer ON assessments (organizer, updated_at DESC);
CREATE INDEX assessments_event ON assessments (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX assessments_teams ON assessments (teams_meeting_id) WHERE teams_meeting_id IS NOT NULL;
CREATE INDEX assessments_join ON assessments (join_url_hash) WHERE join_url_hash IS NOT NULL;
CREATE INDEX assessments_open ON assessments (status, last_date);
CREATE INDEX assessments_approvers ON assessments USING gin (approvers);

-- Every revision as it was judged, so an approval can be traced to exactly what the approver saw.
CREATE TABLE assessment_revisions (
  assessment_id   uuid NOT NULL REFERENCES assessments (id),
  revision        integer NOT NULL,
  input           jsonb NOT NULL,
  verdict         jsonb NOT NULL,
  policy_version  text NOT NULL,
  created_at      timestamptz NOT NULL,
  created_by      text NOT NULL,
  PRIMARY KEY (assessment_id, revision)
);

-- One decision per revision: the primary key makes a repeated or concurrent approval a no-op.
CREATE TABLE decisions (
  assessment_id  uuid NOT NULL REFERENCES assessments (id),
  revision       integer NOT NULL,
  outcome        text NOT NULL CHECK (outcome IN ('approved', 'rejected')),
  decided_by     text NOT NULL,
  decided_at     timestamptz NOT NULL,
  comment        text,
  PRIMARY KEY (assessment_id, revision)
);

CREATE TABLE checklist_confirmations (
  assessment_id  uuid NOT NULL REFERENCES assessments (id),
  revision       integer NOT NULL,
  item_id        text NOT NULL,
  confirmed_at   timestamptz NOT NULL,
  confirmed_by   text NOT NULL,
  PRIMARY KEY (assessment_id, revision, item_id)
);

-- Method, assurance, time and who checked: never a personal identity number.
CREATE TABLE identity_checks (
  assessment_id  uuid NOT NULL REFERENCES assessments (id),
  revision       integer NOT NULL,
  counterpart    integer NOT NULL CHECK (counterpart BETWEEN 1 AND 50),
  method_id      text NOT NULL,
  assurance      integer NOT NULL CHECK (assurance BETWEEN 2 AND 4),
  checked_at     timestamptz NOT NULL,
  checked_by     text NOT NULL,
  PRIMARY KEY (assessment_id, revision, counterpart)
);

-- Append-only, hash-chained audit log. hash = sha256 over the canonical event including prev_hash.
CREATE TABLE audit_log (
  seq           bigint PRIMARY KEY CHECK (seq > 0),
  at            timestamptz NOT NULL,
  actor         text NOT NULL,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text NOT NULL,
  state_digest  text NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor, at);

-- The chain head: every write transaction locks this row first, which serialises writes and
-- keeps the chain linear across server processes.
CREATE TABLE audit_head (
  id    smallint PRIMARY KEY CHECK (id = 1),
  seq   bigint NOT NULL,
  hash  text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, 'sha256:0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only in the database too; the hash chain still detects edits made by a superuser who
-- disables this trigger.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
