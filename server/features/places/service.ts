import type { AppContext } from '../../platform/context.js';
import type { Utility } from '../utilities/service.js';
import { utilityOutline } from '../utilities/service.js';
import { searchPlaces, type Place } from './repository.js';
import { geocodeAddress } from './geocoder.js';

export interface PlaceHit {
  kind: Place['kind'] | 'address';
  code: string | null;
  name: string;
  district: string | null;
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
}

export interface PlaceSearch {
  items: PlaceHit[];
  /** off: no geocoder configured; used: asked; skipped: the names filled the answer or the query is too short; failed: it did not answer in time. */
  geocoder: 'off' | 'used' | 'skipped' | 'failed';
}

export const placeSearchDefaults = {
  /** Fewer letters than this ask no geocoder (names still match from the first letter). */
  geocoderMinChars: 4,
};

/**
 * Places by name for the search box: the utility's kelurahan and kecamatan
 * (offline, from the database), then, when a geocoder is configured and the
 * names leave room, addresses inside the utility's area.
 */
export async function findPlaces(ctx: AppContext, utility: Utility, query: string, limit: number, language: string, log?: { warn(o: object, m: string): void }): Promise<PlaceSearch> {
  const items: PlaceHit[] = (await searchPlaces(ctx.db, utility.id, query, limit)).map((p) => ({ ...p }));
  const url = ctx.config.geocoderUrl;
  if (!url) return { items, geocoder: 'off' };
  if (items.length >= limit || query.trim().length < placeSearchDefaults.geocoderMinChars) return { items, geocoder: 'skipped' };
  try {
    const { bbox } = await utilityOutline(ctx.db, utility.id);
    const addresses = await geocodeAddress(url, query.trim(), bbox, language, limit - items.length);
    items.push(...addresses.map((a) => ({ kind: 'address' as const, code: null, name: a.name, district: null, lon: a.lon, lat: a.lat, bbox: a.bbox })));
    return { items, geocoder: 'used' };
  } catch (err) {
    log?.warn({ err }, 'The geocoder did not answer');
    return { items, geocoder: 'failed' };
  }
}
