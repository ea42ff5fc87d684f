-- Accountability (issue 8): the incident register (GDPR art. 33.5), report columns, retention
-- checkpoints for the audit chain, and the second line of control's sweep state and findings.
-- Ids and categories only; incident free text is refused when it holds a personal identity number.

-- Personal-data incidents. Status ids: oppen → atgardad → anmald → avslutad (see
-- src/server/incidents/model.ts for the allowed transitions). The 72-hour deadline is an absolute
-- instant, discovered_at + 72 h, so it is stored as such and never recomputed from wall-clock time.
CREATE TABLE incidents (
  id                     uuid PRIMARY KEY,
  revision               integer NOT NULL CHECK (revision > 0),
  assessment_id          uuid REFERENCES assessments (id) ON DELETE SET NULL,
  category               text NOT NULL CHECK (category IN ('fel-person-inslappt', 'obehorig-horde-eller-sag', 'moteslanken-spreds', 'inspelning-gjordes', 'tekniskt-fel-rojde-uppgifter', 'annat')),
  occurred_at            timestamptz NOT NULL,
  discovered_at          timestamptz NOT NULL CHECK (discovered_at >= occurred_at),
  notification_deadline  timestamptz NOT NULL CHECK (notification_deadline = discovered_at + interval '72 hours'),
  description            text NOT NULL,
  effects                text NOT NULL DEFAULT '',
  corrective_actions     text NOT NULL DEFAULT '',
  must_notify_imy        boolean NOT NULL,
  imy_notified_at        timestamptz,
  imy_reference          text,
  delay_reason           text,
  status                 text NOT NULL CHECK (status IN ('oppen', 'atgardad', 'anmald', 'avslutad')),
  reported_by            text NOT NULL,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  closed_at              timestamptz
);
CREATE INDEX incidents_status ON incidents (status, notification_deadline);
CREATE INDEX incidents_reporter ON incidents (reported_by, created_at DESC);
CREATE INDEX incidents_assessment ON incidents (assessment_id) WHERE assessment_id IS NOT NULL;

-- Report columns derived from the assessment's stored input and verdict. Generated, so the
-- assessment service needs no change, and the reports group on plain columns instead of
-- de-TOASTing every verdict.
ALTER TABLE assessments
  ADD COLUMN r_meeting_type text GENERATED ALWAYS AS (input ->> 'meetingTypeId') STORED,
  ADD COLUMN r_service text GENERATED ALWAYS AS (input ->> 'serviceId') STORED,
  ADD COLUMN r_mode text GENERATED ALWAYS AS (input ->> 'mode') STORED,
  ADD COLUMN r_outcome text GENERATED ALWAYS AS (verdict ->> 'digital') STORED,
  ADD COLUMN r_deviation text GENERATED ALWAYS AS (verdict -> 'deviation' ->> 'id') STORED,
  ADD COLUMN r_deviation_ref text GENERATED ALWAYS AS (verdict -> 'deviation' ->> 'reference') STORED,
  ADD COLUMN r_not_client boolean GENERATED ALWAYS AS (coalesce((input ->> 'notClientMeeting')::boolean, false)) STORED;
CREATE INDEX assessments_report_month ON assessments (first_date);

-- Co-approval turnaround: the submit event before each decision, found without scanning the log.
CREATE INDEX audit_log_submits ON audit_log (entity_id, at) WHERE action = 'assessment.submit';

-- Retention checkpoints. Purging the oldest audit events keeps one row here per purge: the last
-- purged event's seq and hash, from which verification continues. The purge's own audit event
-- (action retention.purge) carries the digest of `state`, so a checkpoint cannot be forged without
-- breaking the chain after it. Checkpoints are never deleted.
CREATE TABLE audit_checkpoints (
  seq         bigint PRIMARY KEY CHECK (seq > 0),
  hash        text NOT NULL,
  at          timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  purge_seq   bigint NOT NULL,
  state       jsonb NOT NULL
);

-- The log stays append-only: UPDATE is always refused, DELETE only for events a checkpoint covers.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.seq <= coalesce((SELECT max(seq) FROM audit_checkpoints), 0) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- Second line of control: one delta link per caseworker's calendar, and what the last sweep found.
CREATE TABLE sweep_calendars (
  user_id      text PRIMARY KEY,
  delta_link   text,
  window_start timestamptz,
  window_end   timestamptz,
  swept_at     timestamptz
);

CREATE TABLE sweep_findings (
  user_id        text NOT NULL,
  event_id       text NOT NULL,
  start_at       timestamptz NOT NULL,
  assessment_id  uuid,
  problem        text NOT NULL CHECK (problem IN ('no-check', 'check-incomplete', 'check-withdrawn')),
  found_at       timestamptz NOT NULL,
  PRIMARY KEY (user_id, event_id)
);
CREATE INDEX sweep_findings_start ON sweep_findings (start_at);
