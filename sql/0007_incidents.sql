-- Wide-area disruptions (seed 003): one incident (a main pipe break leaving an
-- area without water) can be behind many reports. Staff mark it; reports inside
-- its area attach to it ('attached') instead of spawning separate crews, and
-- their reporters see the incident's progress.
ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'attached' AFTER 'received';

CREATE TYPE incident_status AS ENUM ('active', 'repairing', 'restored');

CREATE TABLE incidents (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id           bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  title                text NOT NULL,
  area                 geography(MultiPolygon, 4326) NOT NULL,
  status               incident_status NOT NULL DEFAULT 'active',
  message_id           text NOT NULL,          -- what reporters read, Bahasa Indonesia
  message_en           text,
  estimated_restore_at timestamptz,
  created_by           bigint REFERENCES staff_users(id),
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  restored_at          timestamptz
);
CREATE INDEX incidents_area_gix ON incidents USING gist (area);
CREATE INDEX incidents_open_idx ON incidents (utility_id) WHERE status <> 'restored';

ALTER TABLE tickets ADD COLUMN incident_id bigint REFERENCES incidents(id) ON DELETE SET NULL;
CREATE INDEX tickets_incident_idx ON tickets (incident_id) WHERE incident_id IS NOT NULL;
