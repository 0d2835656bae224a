-- FixMyStreet's POST servicerequestupdates (issue 13): a client posts its
-- user's comment on a ticket (a note, or "not fixed after all": a re-report).
-- Each accepted update is recorded once per key and the client's update_id,
-- so a client that retries (FixMyStreet resends until it reads an update_id)
-- gets the same answer instead of a second note. update_id in our answer is
-- the ticket step (ticket_events.id) the update became, which the GET list
-- then shows under that id, so the client recognises its own update.
CREATE TABLE open311_request_updates (
  id               bigserial PRIMARY KEY,
  utility_id       bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  api_key_id       bigint NOT NULL,
  client_update_id text NOT NULL,
  ticket_id        bigint NOT NULL,
  event_id         bigint NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('noted', 'reopened')),
  received_at      timestamptz NOT NULL,
  UNIQUE (api_key_id, client_update_id),
  FOREIGN KEY (utility_id, api_key_id) REFERENCES api_keys (utility_id, id) ON DELETE CASCADE,
  FOREIGN KEY (utility_id, ticket_id) REFERENCES tickets (utility_id, id) ON DELETE CASCADE
);
