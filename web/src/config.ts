import { api, type Schemas } from './api.js';

export type ClientConfig = Schemas['ClientConfig'];

let cached: Promise<ClientConfig> | null = null;
const SAVED_KEY = 'tirta.config';

/** The utility's configuration, read once per page load; without a network, the copy saved by the last load. */
export function clientConfig(): Promise<ClientConfig> {
  const jurisdiction = new URLSearchParams(location.search).get('jurisdiction_id');
  cached ??= api.get('/api/v1/config', { query: { jurisdiction_id: jurisdiction ?? undefined } }).then(
    (config) => {
      localStorage.setItem(SAVED_KEY, JSON.stringify(config));
      return config;
    },
    (err: unknown) => {
      cached = null;
      const saved = localStorage.getItem(SAVED_KEY);
      if (err instanceof TypeError && saved) return JSON.parse(saved) as ClientConfig;
      throw err;
    },
  );
  return cached;
}
