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
