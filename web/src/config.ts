import { api, type Schemas } from './api.js';
import { setCategoryNames } from './i18n.js';

export type ClientConfig = Schemas['ClientConfig'];

let cached: Promise<ClientConfig> | null = null;
const SAVED_KEY = 'tirta.config';

/** The utility's configuration, read once per page load; without a network, the copy saved by the last load. */
export function clientConfig(): Promise<ClientConfig> {
  const jurisdiction = new URLSearchParams(location.search).get('jurisdiction_id');
  cached ??= api.get('/api/v1/config', { query: { jurisdiction_id: jurisdiction ?? undefined } }).then(
    (config) => {
      localStorage.setItem(SAVED_KEY, JSON.stringify(config));
      setCategoryNames(config.categoryDetails);
      return config;
    },
    (err: unknown) => {
      cached = null;
      const saved = localStorage.getItem(SAVED_KEY);
      if (err instanceof TypeError && saved) {
        const config = JSON.parse(saved) as ClientConfig;
        setCategoryNames(config.categoryDetails ?? []);
        return config;
      }
      throw err;
    },
  );
  return cached;
}

let boundaries: Promise<unknown> | null = null;
/**
 * The utility's region boundaries (GeoJSON), fetched once per page load. The
 * console asks for them as it starts, beside the configuration, so that a map
 * page's first draw does not wait for its own code to load first.
 */
export function regionBoundaries(): Promise<unknown> {
  const jurisdiction = new URLSearchParams(location.search).get('jurisdiction_id');
  boundaries ??= fetch(`/api/v1/boundaries?level=regions${jurisdiction ? `&jurisdiction_id=${encodeURIComponent(jurisdiction)}` : ''}`).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  });
  boundaries.catch(() => (boundaries = null));
  return boundaries;
}
