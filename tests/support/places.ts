import fs from 'node:fs';
import path from 'node:path';
import type { TestEnv } from './db.js';
import { rebuildPlacesFromAreas } from '../../server/features/places/repository.js';

/** The Makassar kelurahan (the fixture's file, BPS 2020) as the test utility's areas, and its places built from them: 153 kelurahan, 15 kecamatan. */
export async function loadMakassarPlaces(env: TestEnv): Promise<number> {
  const file = JSON.parse(fs.readFileSync(path.resolve('fixtures/makassar/kelurahan.geojson'), 'utf8')) as { features: { properties: Record<string, string>; geometry: unknown }[] };
  for (let i = 0; i < file.features.length; i += 40) {
    await env.db('areas').insert(
      file.features.slice(i, i + 40).map((f) => ({
        utility_id: env.utility.id,
        code: f.properties.village_code,
        name: f.properties.village,
        district_code: f.properties.district_code,
        district: f.properties.district,
        geom: env.db.raw('ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))::geography', [JSON.stringify(f.geometry)]),
      })),
    );
  }
  return rebuildPlacesFromAreas(env.db, env.utility.id);
}
