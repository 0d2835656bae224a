-- Named places of a utility (kelurahan and kecamatan) for the offline place search
-- (GET /api/v1/places): the report form and the dispatcher map zoom to one, and the
-- report takes its point. `search_key` is the name folded for matching (lower case,
-- accents and everything but letters and digits removed: "Biring Kanaya" and
-- "Biringkanaya" meet), written by features/places/repository.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE places (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  utility_id  bigint NOT NULL REFERENCES utilities(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('kelurahan', 'kecamatan')),
  code        text NOT NULL,
  name        text NOT NULL,
  district    text,                       -- the kecamatan of a kelurahan
  search_key  text NOT NULL,
  area        geography(MultiPolygon, 4326) NOT NULL,
  centre      geography(Point, 4326) NOT NULL, -- a point inside the area (where a report set from the search lands)
  UNIQUE (utility_id, kind, code)
);
CREATE INDEX places_area_gix ON places USING gist (area);
CREATE INDEX places_search_trgm ON places USING gin (search_key gin_trgm_ops);
CREATE INDEX places_utility ON places (utility_id, kind);

-- The utilities already holding kelurahan (areas): their places at once.
INSERT INTO places (utility_id, kind, code, name, district, search_key, area, centre)
SELECT utility_id, 'kelurahan', code, name, district,
       regexp_replace(lower(unaccent(name)), '[^a-z0-9]', '', 'g'),
       geom, ST_PointOnSurface(geom::geometry)::geography
  FROM areas;
INSERT INTO places (utility_id, kind, code, name, district, search_key, area, centre)
SELECT utility_id, 'kecamatan', district_code, district, NULL,
       regexp_replace(lower(unaccent(district)), '[^a-z0-9]', '', 'g'),
       ST_Multi(ST_Union(geom::geometry))::geography,
       ST_PointOnSurface(ST_Union(geom::geometry))::geography
  FROM areas
 GROUP BY utility_id, district_code, district;
