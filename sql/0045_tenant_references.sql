-- Issue 15: a second wall between utilities, in the database.
--
-- Every row carries its utility_id, but a reference from one utility's row to
-- another row (tickets.crew_id, plan_pins.ticket_id, staff_users.crew_id, ...)
-- was a bare id: a repository that forgot to check the utility could point a
-- ticket of utility A at a crew of utility B. Here every such reference becomes
-- (utility_id, x_id) -> (utility_id, id), so PostgreSQL refuses a row that
-- names another utility's object, whatever the code above it does.
--
-- Done for every foreign key between two tables that both carry utility_id
-- (the ones of earlier migrations, whoever wrote them); ON DELETE SET NULL
-- keeps utility_id (PostgreSQL 15: SET NULL (column)).
-- tests/security/tenant-references.test.ts fails on a later bare reference.
--
-- Row-level security was considered and not chosen: the app connects as the
-- tables' owner (RLS is bypassed unless forced, and always for superusers),
-- every pooled query would need the session's utility set in its own
-- transaction, and the worker, Open311 and the public pages legitimately read
-- across utilities or before any session exists. The repositories scope every
-- query by utility (tests/security/tenant-isolation.test.ts proves it per
-- endpoint); these keys make a cross-utility write impossible.

DO $$
DECLARE
  fk record;
  ref_table text;
  on_delete text;
  unique_name text;
BEGIN
  FOR fk IN
    SELECT c.oid, c.conname, c.conrelid::regclass AS tbl, c.confrelid::regclass AS ref,
           a.attname AS col, r.attname AS ref_col, c.confdeltype
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
    WHERE c.contype = 'f'
      AND array_length(c.conkey, 1) = 1
      AND c.confrelid <> 'utilities'::regclass
      AND c.connamespace = 'public'::regnamespace
      AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.conrelid AND x.attname = 'utility_id' AND NOT x.attisdropped)
      AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.confrelid AND x.attname = 'utility_id' AND NOT x.attisdropped)
    ORDER BY c.conrelid::regclass::text, c.conname
  LOOP
    ref_table := fk.ref::text;
    unique_name := ref_table || '_utility_' || fk.ref_col || '_key';
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = fk.ref AND conname = unique_name) THEN
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I UNIQUE (utility_id, %I)', ref_table, unique_name, fk.ref_col);
    END IF;
    on_delete := CASE fk.confdeltype
      WHEN 'c' THEN 'ON DELETE CASCADE'
      WHEN 'n' THEN format('ON DELETE SET NULL (%I)', fk.col)
      WHEN 'r' THEN 'ON DELETE RESTRICT'
      ELSE '' END;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (utility_id, %I) REFERENCES %s (utility_id, %I) %s',
                   fk.tbl, fk.conname, fk.col, ref_table, fk.ref_col, on_delete);
  END LOOP;
END
$$;
