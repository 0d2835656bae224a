/**
 * Addresses through a Nominatim-compatible geocoder (GEOCODER_URL): the
 * server asks, never the browser, so the request follows Nominatim's usage
 * policy (https://operations.osmfoundation.org/policies/nominatim/): an
 * identifying User-Agent, at most one request a second from this process,
 * answers cached, results bounded to the utility's area.
 */
export const geocoderDefaults = {
  /** Nominatim's policy: no more than one request per second. */
  minIntervalMs: 1000,
  /** A geocoder slower than this is left out of the answer (the names still come). */
  timeoutMs: 3000,
  /** Answers kept, by query and area, for a day. */
  cacheEntries: 500,
  cacheMs: 24 * 3600 * 1000,
  /** Requests waiting their turn beyond this are refused at once (a flood of searches never builds a long queue). */
  maxWaiting: 5,
  userAgent: 'tirta-dispatch/0.1 (leak dispatch for PDAM water utilities; https://github.com/tirta-dispatch)',
};

export interface Address {
  name: string;
  lon: number;
  lat: number;
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
}

interface NominatimResult {
  display_name?: unknown;
  lat?: unknown;
  lon?: unknown;
  boundingbox?: unknown;
}

const cache = new Map<string, { at: number; addresses: Address[] }>();
let lastRequestAt = 0;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Waits for its turn so that two requests are at least `minIntervalMs` apart (across every caller of this process). */
function inTurn<T>(run: () => Promise<T>): Promise<T> {
  if (waiting >= geocoderDefaults.maxWaiting) return Promise.reject(new Error('geocoder busy'));
  waiting++;
  const next = queue.then(async () => {
    waiting--;
    const wait = lastRequestAt + geocoderDefaults.minIntervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastRequestAt = Date.now();
    return run();
  });
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Addresses matching `query` inside `bbox` ([minLon, minLat, maxLon, maxLat]),
 * in Indonesia, named in `language`. Throws when the geocoder fails or is slow.
 */
export async function geocodeAddress(url: string, query: string, bbox: [number, number, number, number], language: string, limit: number): Promise<Address[]> {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const search = new URL(url);
  search.searchParams.set('q', query);
  search.searchParams.set('format', 'jsonv2');
  search.searchParams.set('limit', String(limit));
  search.searchParams.set('countrycodes', 'id');
  search.searchParams.set('viewbox', [minLon, maxLat, maxLon, minLat].join(','));
  search.searchParams.set('bounded', '1');
  search.searchParams.set('accept-language', language);
  const key = search.toString();
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < geocoderDefaults.cacheMs) return hit.addresses;
  const addresses = await inTurn(async () => {
    const res = await fetch(key, { headers: { 'user-agent': geocoderDefaults.userAgent, accept: 'application/json' }, signal: AbortSignal.timeout(geocoderDefaults.timeoutMs) });
    if (!res.ok) throw new Error(`geocoder answered HTTP ${res.status}`);
    const body = (await res.json()) as unknown;
    return (Array.isArray(body) ? (body as NominatimResult[]) : []).flatMap((r): Address[] => {
      const lat = Number(r.lat);
      const lon = Number(r.lon);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || typeof r.display_name !== 'string') return [];
      // Nominatim's boundingbox: [minLat, maxLat, minLon, maxLon] as strings.
      const b = Array.isArray(r.boundingbox) ? r.boundingbox.map(Number) : [];
      const box: [number, number, number, number] = b.length === 4 && b.every(Number.isFinite) ? [b[2], b[0], b[3], b[1]] : [lon, lat, lon, lat];
      return [{ name: r.display_name, lon, lat, bbox: box }];
    });
  });
  if (cache.size >= geocoderDefaults.cacheEntries) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), addresses });
  return addresses;
}
