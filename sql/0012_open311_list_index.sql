-- GET /open311/v2/requests.json lists a utility's tickets newest first
-- (received_at DESC, id DESC) in a window of at most 90 days, 1000 at a time:
-- this index serves the order and the LIMIT without a sort.
CREATE INDEX IF NOT EXISTS tickets_public_list_idx ON tickets (utility_id, received_at DESC, id DESC);
