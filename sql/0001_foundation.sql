-- Foundation schema: tenants, people, tickets and their audit trail.
-- Every row is keyed by its utility (the Open311 jurisdiction) so that the
-- tables can later be distributed by that key. Times are timestamptz (UTC).

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE utilities (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          text NOT NULL UNIQUE,           -- Open311 jurisdiction_id
  name          text NOT NULL,
  time_zone     text NOT NULL DEFAULT 'Asia/Makassar',
  service_area  geography(MultiPolygon, 4326) NOT NULL,
  settings      jsonb NOT NULL DEFAULT '{}'::jsonb, -- overrides of server/domain/settings.ts defaults
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX utilities_service_area_gix ON utilities USING gist (service_area);

-- Administrative areas (kelurahan) used to name where a report is.
CREATE TABLE areas (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  code          text NOT NULL,
  name          text NOT NULL,
  district_code text NOT NULL,
  district      text NOT NULL,
  geom          geography(MultiPolygon, 4326) NOT NULL,
  UNIQUE (utility_id, code)
);
CREATE INDEX areas_geom_gix ON areas USING gist (geom);

CREATE TABLE service_regions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  code          text NOT NULL,
  name          text NOT NULL,
  area          geography(MultiPolygon, 4326) NOT NULL,
  UNIQUE (utility_id, code)
);
CREATE INDEX service_regions_area_gix ON service_regions USING gist (area);

CREATE TABLE crews (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  code          text NOT NULL,
  name          text NOT NULL,
  region_id     bigint REFERENCES service_regions(id) ON DELETE SET NULL,
  base          geography(Point, 4326),          -- NULL: no base yet (cannot be planned)
  base_address  text,
  members       text[] NOT NULL DEFAULT '{}',
  shift_start   time NOT NULL DEFAULT '08:00',   -- local time of the utility
  shift_end     time NOT NULL DEFAULT '16:00',
  capacity_jobs integer,                         -- NULL: limited by the shift only
  active        boolean NOT NULL DEFAULT true,
  UNIQUE (utility_id, code)
);

CREATE TYPE staff_role AS ENUM ('admin', 'operator', 'dispatcher', 'crew', 'kasie', 'kabag', 'direktur');

CREATE TABLE staff_users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  username      text NOT NULL,
  display_name  text NOT NULL,
  role          staff_role NOT NULL,
  crew_id       bigint REFERENCES crews(id) ON DELETE SET NULL,
  phone         text,
  email         text,
  password_hash text NOT NULL,                   -- scrypt$N$r$p$salt$hash
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (utility_id, username),
  CHECK (role <> 'crew' OR crew_id IS NOT NULL)
);

CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,                -- sha256 of the bearer token
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  user_id       bigint NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE reporters (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  phone          text NOT NULL,                  -- normalised +62...
  name           text,
  address        text,
  blocked        boolean NOT NULL DEFAULT false,
  blocked_reason text,
  blocked_by     bigint REFERENCES staff_users(id),
  blocked_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (utility_id, phone),
  CHECK (phone ~ '^\+62[0-9]{7,13}$')
);

CREATE TYPE ticket_status AS ENUM ('received', 'rejected', 'spk_issued', 'assigned', 'on_site', 'escalated', 'fixed', 'closed');
CREATE TYPE ticket_priority AS ENUM ('critical', 'high', 'normal');
CREATE TYPE ticket_category AS ENUM ('pipe_burst', 'visible_leak', 'meter_leak', 'no_water', 'other');
CREATE TYPE ticket_source AS ENUM ('app', 'call_centre', 'walk_in', 'social_media', 'email');

CREATE TABLE ticket_counters (
  utility_id    bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  kind          text NOT NULL,                   -- 'LK' tickets, 'SPK' work orders
  year          integer NOT NULL,
  last_value    integer NOT NULL,
  PRIMARY KEY (utility_id, kind, year)
);

CREATE TABLE tickets (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id         bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  number             text NOT NULL,              -- LK-2026-000123
  reporter_id        bigint REFERENCES reporters(id),
  entered_by         bigint REFERENCES staff_users(id), -- operator for staff-entered reports
  source             ticket_source NOT NULL,
  location           geography(Point, 4326) NOT NULL,
  h3_cell            text NOT NULL,
  region_id          bigint REFERENCES service_regions(id),
  area_id            bigint REFERENCES areas(id),
  address            text,
  description        text,
  category           ticket_category NOT NULL DEFAULT 'other',
  priority           ticket_priority,            -- set with the SPK
  status             ticket_status NOT NULL DEFAULT 'received',
  crew_id            bigint REFERENCES crews(id),
  photo_blurred      boolean,                    -- NULL: no photo
  phone_verified_at  timestamptz,
  phone_verification_note text,
  reject_reason      text,
  received_at        timestamptz NOT NULL DEFAULT now(),
  rejected_at        timestamptz,
  spk_issued_at      timestamptz,
  assigned_at        timestamptz,
  on_site_at         timestamptz,
  escalated_at       timestamptz,
  fixed_at           timestamptz,
  closed_at          timestamptz,
  respond_due_at     timestamptz,                -- SLA, set with the priority
  resolve_due_at     timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (utility_id, number)
);
CREATE INDEX tickets_location_gix ON tickets USING gist (location);
CREATE INDEX tickets_status_idx ON tickets (utility_id, status);
CREATE INDEX tickets_received_idx ON tickets (utility_id, received_at);
CREATE INDEX tickets_h3_idx ON tickets (utility_id, h3_cell);
CREATE INDEX tickets_crew_idx ON tickets (crew_id) WHERE crew_id IS NOT NULL;

CREATE TYPE photo_kind AS ENUM ('report', 'result');

CREATE TABLE photos (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id      bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  kind           photo_kind NOT NULL,
  sha256         text NOT NULL,
  stored_path    text NOT NULL,                  -- relative to PHOTO_DIR
  mime_type      text NOT NULL,
  size_bytes     integer NOT NULL,
  width          integer NOT NULL,
  height         integer NOT NULL,
  blur_score     real NOT NULL,                  -- variance of the Laplacian; low = blurred
  exif_location  geography(Point, 4326),
  exif_taken_at  timestamptz,
  uploaded_by    bigint REFERENCES staff_users(id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX photos_ticket_idx ON photos (ticket_id);

CREATE TABLE work_orders (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id      bigint NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
  number         text NOT NULL,                  -- SPK-2026-000045
  priority       ticket_priority NOT NULL,
  instructions   text,
  issued_by      bigint NOT NULL REFERENCES staff_users(id),
  issued_at      timestamptz NOT NULL,
  UNIQUE (utility_id, number)
);

CREATE TYPE actor_kind AS ENUM ('staff', 'reporter', 'system');

CREATE TABLE ticket_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id     bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id      bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  action         text NOT NULL,                  -- report, reject, issue_spk, assign, ...
  actor_kind     actor_kind NOT NULL,
  actor_id       bigint REFERENCES staff_users(id),
  from_status    ticket_status,
  to_status      ticket_status NOT NULL,
  note           text,
  data           jsonb NOT NULL DEFAULT '{}'::jsonb,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, at);
