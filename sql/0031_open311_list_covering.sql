-- GET /open311/v2/requests lists a page as (id, row version) first and
-- presents only the rows it has not presented at that version before
-- (server/features/open311/service.ts): the page comes from this index in
-- list order, and the status and service_code filters are read from it too
-- (INCLUDE), so a filtered page skips non-matching tickets without visiting
-- their rows. It replaces sql/0012's index of the same key.
CREATE INDEX IF NOT EXISTS tickets_public_list_covering_idx ON tickets (utility_id, received_at DESC, id DESC) INCLUDE (status, category);
DROP INDEX IF EXISTS tickets_public_list_idx;
