-- Plan lifecycle (issue 10): a plan is drafted, reviewed, edited and published.
-- A draft changes no ticket; publishing applies its assignments through the
-- ticket writer. A draft records the published version it was made from
-- (based_on), so that publishing it over a newer published version is refused.
-- Earlier rows were all applied at once: they are published.

ALTER TABLE plans
  ADD COLUMN status       text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'discarded')),
  ADD COLUMN based_on     bigint REFERENCES plans(id) ON DELETE SET NULL,
  ADD COLUMN published_at timestamptz,
  ADD COLUMN published_by bigint REFERENCES staff_users(id) ON DELETE SET NULL;
UPDATE plans SET published_at = created_at;
ALTER TABLE plans ALTER COLUMN status DROP DEFAULT;
CREATE INDEX plans_published_idx ON plans (utility_id, plan_date, version DESC) WHERE status = 'published';

-- The dispatcher's edits of a draft, in order: re-applied when the draft is
-- re-solved or re-based, and folded into the day's standing pins and locks
-- when it is published.
--   pin: ticket_id to crew_id; unpin: lift the ticket's pin (or dispatch);
--   remove: take ticket_id out of the day; restore: put it back;
--   lock: crew_id's stops in the order ticket_ids; unlock: free crew_id's order.
CREATE TABLE plan_edits (
  plan_id     bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  seq         integer NOT NULL CHECK (seq >= 1),
  kind        text NOT NULL CHECK (kind IN ('pin', 'unpin', 'remove', 'restore', 'lock', 'unlock')),
  ticket_id   bigint REFERENCES tickets(id) ON DELETE CASCADE,
  crew_id     bigint REFERENCES crews(id) ON DELETE CASCADE,
  ticket_ids  bigint[] NOT NULL DEFAULT '{}',
  created_by  bigint REFERENCES staff_users(id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (plan_id, seq)
);

-- A standing pin with no crew holds the ticket out of the day (the dispatcher took it out).
ALTER TABLE plan_pins ALTER COLUMN crew_id DROP NOT NULL;

-- A crew's day whose order the dispatcher locked: exactly these stops, in this order.
CREATE TABLE plan_locks (
  utility_id  bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  plan_date   date NOT NULL,
  crew_id     bigint NOT NULL REFERENCES crews(id) ON DELETE CASCADE,
  ticket_ids  bigint[] NOT NULL,
  locked_by   bigint REFERENCES staff_users(id) ON DELETE SET NULL,
  locked_at   timestamptz NOT NULL,
  PRIMARY KEY (utility_id, plan_date, crew_id)
);

-- Two more reasons a ticket is left out: the dispatcher took it out; an urgent
-- ticket no crew can reach within its SLA.
ALTER TABLE plan_unplanned DROP CONSTRAINT plan_unplanned_reason_check;
ALTER TABLE plan_unplanned ADD CONSTRAINT plan_unplanned_reason_check
  CHECK (reason IN ('no_crew_in_reach', 'shift_too_short', 'crew_capacity', 'shift_full', 'pinned_crew_full', 'held_out', 'no_crew_within_sla'));

-- Where a crew's phone last said it was: the re-plan of the rest of the day starts there.
CREATE TABLE crew_positions (
  crew_id     bigint PRIMARY KEY REFERENCES crews(id) ON DELETE CASCADE,
  utility_id  bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  location    geography(Point, 4326) NOT NULL,
  reported_at timestamptz NOT NULL,
  reported_by bigint REFERENCES staff_users(id) ON DELETE SET NULL
);
