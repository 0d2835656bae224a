-- The citizen's side (issue 13): three more ends of a report.
-- merged: one more report of an open ticket at the same spot (duplicate_of_id),
--   counted there instead of becoming new work; staff can take it out again.
-- answered: the call centre or the desk answered it at first contact (seed 001,
--   seed 003 "ISSUE CLOSED di CC").
-- forwarded: handed to another unit (billing, customer service) with the answer given.
-- The values are used from 0036 on: PostgreSQL refuses a new enum value in the
-- transaction that added it.
ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'merged' AFTER 'attached';
ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'answered' AFTER 'closed';
ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'forwarded' AFTER 'answered';

ALTER TABLE tickets ADD COLUMN duplicate_of_id bigint REFERENCES tickets(id) ON DELETE SET NULL;
CREATE INDEX tickets_duplicate_of_idx ON tickets (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL;
