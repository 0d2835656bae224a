import path from 'node:path';

/**
 * Settings from the environment, each with a default that works on a fresh
 * clone. Documented in README.md ("Settings").
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  photoDir: string;
  /** Open311 jurisdiction used when a request names none. */
  defaultJurisdiction: string | null;
  maxPhotoBytes: number;
  sessionHours: number;
  production: boolean;
  /** Load the demo data into an empty database at start. */
  seedDemo: boolean;
  /** XYZ tile URL of a basemap ({z}/{x}/{y}); none by default, so the console works offline. */
  basemapUrl: string | null;
  basemapAttribution: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta',
    photoDir: path.resolve(env.PHOTO_DIR ?? '.data/photos'),
    defaultJurisdiction: env.DEFAULT_JURISDICTION ?? null,
    maxPhotoBytes: Number(env.MAX_PHOTO_MB ?? 10) * 1024 * 1024,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    production: env.NODE_ENV === 'production',
    seedDemo: env.SEED_DEMO !== 'false',
    basemapUrl: env.BASEMAP_URL || null,
    basemapAttribution: env.BASEMAP_ATTRIBUTION || null,
  };
}
