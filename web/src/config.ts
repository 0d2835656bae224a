import { api } from './api.js';

export interface ClientConfig {
  utility: { code: string; name: string; timeZone: string; contact: string };
  map: { bbox: [number, number, number, number]; centre: { lat: number; lon: number }; basemapUrl: string | null; basemapAttribution: string | null };
  categories: string[];
  maxPhotoMb: number;
}

let cached: Promise<ClientConfig> | null = null;

/** The utility's configuration, read once per page load. */
export function clientConfig(): Promise<ClientConfig> {
  const jurisdiction = new URLSearchParams(location.search).get('jurisdiction_id');
  cached ??= api<ClientConfig>('GET', `/api/v1/config${jurisdiction ? `?jurisdiction_id=${encodeURIComponent(jurisdiction)}` : ''}`);
  return cached;
}
