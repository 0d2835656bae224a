-- Daily plans: one closed trip per crew through its zone, versioned per day.
-- Re-planning (or an urgent insertion) writes a new version; earlier versions
-- stay as they were. Every row is keyed by its utility.

CREATE TABLE plans (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  plan_date       date NOT NULL,                  -- local date of the utility
  version         integer NOT NULL CHECK (version >= 1),
  kind            text NOT NULL CHECK (kind IN ('daily', 'reoptimise', 'dispatch')),
  objective       text NOT NULL CHECK (objective IN ('distance', 'makespan')),
  created_by      bigint REFERENCES staff_users(id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL,
  solve_ms        integer NOT NULL DEFAULT 0,
  summary         jsonb NOT NULL,                 -- served per priority, km, hours, longest day
  baseline        jsonb NOT NULL,                 -- the same figures, first come first served
  note            text,
  UNIQUE (utility_id, plan_date, version)
);
CREATE INDEX plans_latest_idx ON plans (utility_id, plan_date, version DESC);

CREATE TABLE plan_routes (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  crew_id         bigint NOT NULL REFERENCES crews(id) ON DELETE CASCADE,
  zone_key        text,                           -- H3 zone the crew was given, NULL: none
  zone_cells      text[] NOT NULL DEFAULT '{}',
  shift_start_at  timestamptz NOT NULL,
  shift_end_at    timestamptz NOT NULL,
  start_at        timestamptz NOT NULL,           -- leaves the base
  end_at          timestamptz NOT NULL,           -- back at the base
  distance_m      integer NOT NULL,
  travel_seconds  integer NOT NULL,
  service_seconds integer NOT NULL,
  path            geography(LineString, 4326),    -- base -> stops -> base; NULL when the crew has no stop
  UNIQUE (plan_id, crew_id),
  CHECK (end_at <= shift_end_at)
);
CREATE INDEX plan_routes_crew_idx ON plan_routes (crew_id, plan_id);
CREATE INDEX plan_routes_path_gix ON plan_routes USING gist (path);

CREATE TABLE plan_stops (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  route_id        bigint NOT NULL REFERENCES plan_routes(id) ON DELETE CASCADE,
  ticket_id       bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  seq             integer NOT NULL CHECK (seq >= 1),
  eta             timestamptz NOT NULL,
  depart_at       timestamptz NOT NULL,
  travel_seconds  integer NOT NULL,
  distance_m      integer NOT NULL,
  service_seconds integer NOT NULL,
  pinned          boolean NOT NULL DEFAULT false,
  UNIQUE (route_id, seq),
  UNIQUE (plan_id, ticket_id)                     -- a ticket is in at most one route of a plan
);
CREATE INDEX plan_stops_ticket_idx ON plan_stops (ticket_id);

-- Tickets of the planning pool that no route took, with the limit they hit.
CREATE TABLE plan_unplanned (
  plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  ticket_id       bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  reason          text NOT NULL CHECK (reason IN ('no_crew_in_reach', 'shift_too_short', 'crew_capacity', 'shift_full', 'pinned_crew_full')),
  PRIMARY KEY (plan_id, ticket_id)
);

-- The dispatcher's pins: this ticket goes to this crew on that day, whatever the optimiser prefers.
CREATE TABLE plan_pins (
  utility_id      bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  plan_date       date NOT NULL,
  ticket_id       bigint NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  crew_id         bigint NOT NULL REFERENCES crews(id) ON DELETE CASCADE,
  pinned_by       bigint REFERENCES staff_users(id) ON DELETE SET NULL,
  pinned_at       timestamptz NOT NULL,
  PRIMARY KEY (utility_id, plan_date, ticket_id)
);
