-- Repeat reports (seed 003, the PLN 123 rule adapted to leaks): a contact about
-- a ticket already marked done reopens it within the window after the fix
-- ("Lapor Ulang": flagged with a star and counted), and after the window makes a
-- new ticket linked to the earlier one and marked urgent.
ALTER TABLE tickets
  ADD COLUMN repeat_count     integer NOT NULL DEFAULT 0,
  ADD COLUMN starred          boolean NOT NULL DEFAULT false,
  ADD COLUMN urgent           boolean NOT NULL DEFAULT false,
  ADD COLUMN parent_ticket_id bigint REFERENCES tickets(id) ON DELETE SET NULL,
  ADD COLUMN reopened_at      timestamptz;

CREATE INDEX tickets_parent_idx ON tickets (parent_ticket_id) WHERE parent_ticket_id IS NOT NULL;
-- Finding the done ticket a reporter contacts again about.
CREATE INDEX tickets_reporter_done_idx ON tickets (reporter_id, fixed_at) WHERE status IN ('fixed', 'closed');
