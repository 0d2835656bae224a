-- Issue 15: crews set up by the utility's admin (console, API, CSV/XLSX import).
--
-- The shift becomes one per weekday: `shifts` is the one home the planner
-- reads (server/core/domain/crews.ts shiftOnDate), seven entries from Monday
-- to Sunday, each {"start": "HH:MM", "end": "HH:MM"} in the utility's local
-- time or null (day off); an end at or before the start is a night shift that
-- ends the next morning. The single shift_start/shift_end pair it replaces is
-- copied into every day and dropped, so no second home is left to drift.
ALTER TABLE crews ADD COLUMN shifts jsonb;
UPDATE crews SET shifts = (
  SELECT jsonb_build_array(d, d, d, d, d, d, d)
  FROM (SELECT jsonb_build_object('start', to_char(shift_start, 'HH24:MI'), 'end', to_char(shift_end, 'HH24:MI')) AS d) AS day
);
ALTER TABLE crews ALTER COLUMN shifts SET NOT NULL;
ALTER TABLE crews ALTER COLUMN shifts SET DEFAULT
  '[{"start":"08:00","end":"16:00"},{"start":"08:00","end":"16:00"},{"start":"08:00","end":"16:00"},{"start":"08:00","end":"16:00"},{"start":"08:00","end":"16:00"},{"start":"08:00","end":"16:00"},{"start":"08:00","end":"16:00"}]'::jsonb; -- every day 08:00-16:00 (rapid response works the week round)
ALTER TABLE crews ADD CONSTRAINT crews_shifts_week CHECK (jsonb_typeof(shifts) = 'array' AND jsonb_array_length(shifts) = 7);
ALTER TABLE crews DROP COLUMN shift_start;
ALTER TABLE crews DROP COLUMN shift_end;

-- Members with an optional phone: [{"name": "...", "phone": "+62..." | null}].
ALTER TABLE crews ADD COLUMN member_list jsonb NOT NULL DEFAULT '[]'::jsonb;
UPDATE crews SET member_list = coalesce((SELECT jsonb_agg(jsonb_build_object('name', m, 'phone', null)) FROM unnest(members) AS m), '[]'::jsonb);
ALTER TABLE crews DROP COLUMN members;
ALTER TABLE crews RENAME COLUMN member_list TO members;
ALTER TABLE crews ADD CONSTRAINT crews_members_list CHECK (jsonb_typeof(members) = 'array');

-- The days the crew exists for planning (both inclusive, local dates; null: open).
ALTER TABLE crews ADD COLUMN active_from date;
ALTER TABLE crews ADD COLUMN active_to date;
ALTER TABLE crews ADD CONSTRAINT crews_active_dates CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to);

-- Equipment or skills, free words the admin chooses ('excavator', 'pipa HDPE').
ALTER TABLE crews ADD COLUMN equipment text[] NOT NULL DEFAULT '{}';
