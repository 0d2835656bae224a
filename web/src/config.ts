import { api, type Schemas } from './api.js';

export type ClientConfig = Schemas['ClientConfig'];

let cached: Promise<ClientConfig> | null = null;

/** The utility's configuration, read once per page load. */
export function clientConfig(): Promise<ClientConfig> {
  const jurisdiction = new URLSearchParams(location.search).get('jurisdiction_id');
  cached ??= api.get('/api/v1/config', { query: { jurisdiction_id: jurisdiction ?? undefined } });
  return cached;
}
