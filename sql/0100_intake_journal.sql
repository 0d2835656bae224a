-- The intake journal (issue 11, intake throughput): under load a citizen's
-- report is checked cheaply, its photo stored, and this one row written before
-- the answer (202 with the token); the ticket is made from the row afterwards
-- (features/tickets/journal.service.ts). The row is the durable marker: a
-- pending row whose lease ran out is taken over by any instance.
CREATE TABLE intake_journal (
  id               bigserial PRIMARY KEY,
  utility_id       bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  token            uuid NOT NULL UNIQUE,
  idempotency_key  text,
  request          jsonb NOT NULL,          -- the validated report fields, and the stored photo
  received_at      timestamptz NOT NULL,
  state            text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'refused')),
  lease_until      timestamptz,
  attempt          integer NOT NULL DEFAULT 1,
  status_code      integer,                 -- the answer once made: 201/200 with the receipt, or the refusal's 4xx
  response         jsonb,
  finished_at      timestamptz
);
CREATE INDEX intake_journal_pending_idx ON intake_journal (lease_until) WHERE state = 'pending';
CREATE INDEX intake_journal_finished_idx ON intake_journal (finished_at) WHERE state <> 'pending';
