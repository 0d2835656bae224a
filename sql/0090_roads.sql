-- Issue 16: a utility's road network, imported from an OpenStreetMap extract
-- (npm run roads:import; features/roads/repository.ts is the one writer).
--
-- road_edges is laid out as pgRouting expects (id, source, target, cost,
-- reverse_cost), so pgr_dijkstra and friends run on
--   SELECT id, source, target, cost, reverse_cost FROM road_edges WHERE network_id = N
-- Costs are seconds of driving; a negative cost means that direction is not
-- allowed (one-way). The app itself searches the graph in memory
-- (core/roads), so pgRouting stays optional: these tables need only PostGIS,
-- and scripts/bootstrap.mjs adds the pgrouting extension where it can (for the
-- benchmark and the tests that compare against it).
--
-- One network per utility: a new import deletes the old network (cascade) and
-- writes the new one in the same transaction; its new id is the version the
-- in-memory caches are keyed by.

CREATE TABLE road_networks (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id         bigint NOT NULL UNIQUE REFERENCES utilities(id) ON DELETE CASCADE,
  file_name          text NOT NULL,
  format             text NOT NULL CHECK (format IN ('overpass-json', 'osm-xml', 'osm-pbf')),
  imported_at        timestamptz NOT NULL,
  vertices           integer NOT NULL,
  edges              integer NOT NULL,
  length_km          double precision NOT NULL,
  dropped_edges      integer NOT NULL,  -- edges outside the largest strongly connected component
  dropped_km         double precision NOT NULL,
  dropped_components integer NOT NULL,
  speeds_kmh         jsonb NOT NULL,    -- the speed per highway class the costs were computed with
  UNIQUE (utility_id, id)
);

CREATE TABLE road_vertices (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id  bigint NOT NULL,
  network_id  bigint NOT NULL,
  vertex_no   integer NOT NULL,          -- 0..n-1 within the network (the in-memory graph's index)
  osm_node_id bigint,                    -- null for the second side of a barrier that cuts a way
  geom        geometry(Point, 4326) NOT NULL,
  FOREIGN KEY (utility_id, network_id) REFERENCES road_networks (utility_id, id) ON DELETE CASCADE,
  UNIQUE (network_id, vertex_no),
  UNIQUE (utility_id, id)
);
CREATE INDEX road_vertices_geom_gix ON road_vertices USING gist (geom);

CREATE TABLE road_edges (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id   bigint NOT NULL,
  network_id   bigint NOT NULL,
  source       bigint NOT NULL,
  target       bigint NOT NULL,
  cost         double precision NOT NULL,  -- seconds from source to target; negative: not allowed
  reverse_cost double precision NOT NULL,  -- seconds from target to source; negative: not allowed
  length_m     double precision NOT NULL,
  highway      text NOT NULL,
  name         text,
  osm_way_id   bigint NOT NULL,
  geom         geometry(LineString, 4326) NOT NULL,
  FOREIGN KEY (utility_id, network_id) REFERENCES road_networks (utility_id, id) ON DELETE CASCADE,
  FOREIGN KEY (utility_id, source) REFERENCES road_vertices (utility_id, id) ON DELETE CASCADE,
  FOREIGN KEY (utility_id, target) REFERENCES road_vertices (utility_id, id) ON DELETE CASCADE,
  CHECK (cost >= 0 OR reverse_cost >= 0)
);
CREATE INDEX road_edges_network ON road_edges (network_id);
CREATE INDEX road_edges_source ON road_edges (source);
CREATE INDEX road_edges_target ON road_edges (target);
CREATE INDEX road_edges_geom_gix ON road_edges USING gist (geom);
