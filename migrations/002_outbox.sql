-- Approvals through Teams and Graph: the outbox of side effects, the bot's conversations, and flags.
-- Outbox rows are written by triggers, so every code path that records a decision or changes a
-- status (API, bot, tabs, the recheck pass) writes its row in the same transaction.

CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('event-extension', 'approval-card', 'outcome-notice', 'recheck-notice', 'reminder', 'pending-warning')),
  -- One row per effect: a repeated trigger or reminder pass cannot queue it twice.
  dedupe_key       text NOT NULL UNIQUE,
  assessment_id    uuid NOT NULL REFERENCES assessments (id),
  revision         integer NOT NULL,
  -- The object id the effect is for: the organizer (extension, notices) or an approver (cards).
  recipient        text NOT NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'superseded', 'flagged')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  -- A worker's lease: claimed rows are skipped by other workers until it runs out (crash recovery).
  locked_until     timestamptz,
  not_found_since  timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL,
  done_at          timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX outbox_assessment ON outbox (assessment_id);

-- A decision: write the open extension on the organizer's event and tell the caseworker.
CREATE FUNCTION outbox_on_decision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text;
BEGIN
  SELECT organizer INTO org FROM assessments WHERE id = NEW.assessment_id;
  INSERT INTO outbox (kind, dedupe_key, assessment_id, revision, recipient, next_attempt_at, created_at) VALUES
    ('event-extension', 'event-extension:' || NEW.assessment_id || ':' || NEW.revision, NEW.assessment_id, NEW.revision, org, NEW.decided_at, NEW.decided_at),
    ('outcome-notice', 'outcome-notice:' || NEW.assessment_id || ':' || NEW.revision, NEW.assessment_id, NEW.revision, org, NEW.decided_at, NEW.decided_at)
  ON CONFLICT (dedupe_key) DO NOTHING;
  RETURN NEW;
END;
$$;
CREATE TRIGGER decisions_outbox AFTER INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION outbox_on_decision();

-- Submitted for approval: a card to every approver. Gone to needs-recheck: tell the caseworker.
CREATE FUNCTION outbox_on_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'awaiting-approval' THEN
    INSERT INTO outbox (kind, dedupe_key, assessment_id, revision, recipient, next_attempt_at, created_at)
    SELECT 'approval-card', 'approval-card:' || NEW.id || ':' || NEW.revision || ':' || a, NEW.id, NEW.revision, a, NEW.updated_at, NEW.updated_at
    FROM unnest(NEW.approvers) AS a
    ON CONFLICT (dedupe_key) DO NOTHING;
  ELSIF NEW.status = 'needs-recheck' THEN
    INSERT INTO outbox (kind, dedupe_key, assessment_id, revision, recipient, next_attempt_at, created_at)
    VALUES ('recheck-notice', 'recheck-notice:' || NEW.id || ':' || NEW.revision, NEW.id, NEW.revision, NEW.organizer, NEW.updated_at, NEW.updated_at)
    ON CONFLICT (dedupe_key) DO NOTHING;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER assessments_outbox AFTER UPDATE OF status, revision ON assessments FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status OR NEW.revision IS DISTINCT FROM OLD.revision)
  EXECUTE FUNCTION outbox_on_status();

-- Assessments a side effect could not reach (e.g. the event never appeared in the organizer's
-- calendar within the configured window): shown to the caseworker and the second line of control.
CREATE TABLE assessment_flags (
  assessment_id  uuid NOT NULL REFERENCES assessments (id),
  outbox_id      bigint NOT NULL REFERENCES outbox (id),
  code           text NOT NULL,
  raised_at      timestamptz NOT NULL,
  PRIMARY KEY (assessment_id, outbox_id)
);

-- Open extensions already created on an event, so later decisions update (PATCH) instead of create.
CREATE TABLE event_extensions (
  organizer   text NOT NULL,
  event_id    text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (organizer, event_id)
);

-- The bot's 1:1 conversation with a user (ids only), learnt from incoming activities or from the
-- chat of the app installed through Graph.
CREATE TABLE bot_users (
  oid              text PRIMARY KEY,
  teams_user_id    text,
  conversation_id  text NOT NULL,
  service_url      text NOT NULL,
  locale           text,
  updated_at       timestamptz NOT NULL
);
