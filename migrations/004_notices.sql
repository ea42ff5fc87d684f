-- Notices that are not about one assessment's revision: review reminders to the policy admins
-- (art. 32.1 d) and the second line of control's findings to caseworkers and their managers. Their
-- outbox rows carry what to say in `payload` (ids, dates and categories only, never meeting content).
ALTER TABLE outbox ALTER COLUMN assessment_id DROP NOT NULL;
ALTER TABLE outbox ALTER COLUMN revision DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN payload jsonb;
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_kind_check CHECK (kind IN (
  'event-extension', 'approval-card', 'outcome-notice', 'recheck-notice', 'reminder', 'pending-warning',
  'review-reminder', 'sweep-finding'));
-- An assessment's effects keep naming their assessment and revision; notices carry a payload instead.
ALTER TABLE outbox ADD CONSTRAINT outbox_subject CHECK (
  CASE WHEN kind IN ('review-reminder', 'sweep-finding') THEN payload IS NOT NULL
       ELSE assessment_id IS NOT NULL AND revision IS NOT NULL END);

-- Which review reminders each policy admin has been sent: an item (`kind:id:dueDate:state`) is sent
-- once; a new due date or a change from due-soon to overdue is a new item.
CREATE TABLE review_reminder_notices (
  recipient  text NOT NULL,
  item_key   text NOT NULL,
  sent_at    timestamptz NOT NULL,
  PRIMARY KEY (recipient, item_key)
);

-- Scheduled jobs that must run on one server process at a time (the calendar sweep, the reminder
-- pass): a lease taken with one statement, so two processes on one PostgreSQL never both run it.
CREATE TABLE job_leases (
  name    text PRIMARY KEY,
  holder  text NOT NULL,
  until   timestamptz NOT NULL
);

-- The event's Outlook web link (https only), for the caseworker's notice: an id-bearing URL, no content.
ALTER TABLE sweep_findings ADD COLUMN web_link text;
