-- Idempotency keys that survive crashes (issue 11, finding 5). A key row now
-- carries a lease and an attempt number (a fencing token):
--   lease_until  while it is in the future, the attempt that holds the key is
--                presumed alive and a retry is told 409 "in progress" with
--                Retry-After; once it has passed with no stored response, the
--                request never finished (the process died, or the database went
--                away) and a retry takes the key over and runs again.
--   attempt      bumped by each take-over; the response is stored only by the
--                attempt that holds the key, inside the same transaction as the
--                ticket, so a slow first attempt that lost its key rolls back.
-- Rows left "in progress" by the old code (lease_until NULL) count as expired.
ALTER TABLE idempotency_keys
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN attempt integer NOT NULL DEFAULT 1;
