import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, settingNames } from '../../server/platform/config.js';

/** The problems loadConfig reports for `env`, by variable name (empty when it accepts it). */
function badVariables(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems.map((p) => p.variable);
  }
}

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/tirta',
      photoDir: path.resolve('.data/photos'),
      defaultJurisdiction: null,
      maxPhotoBytes: 10 * 1024 * 1024,
      sessionHours: 12,
      nodeEnv: 'development',
      production: false,
      seedDemo: true,
      basemapUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      basemapAttribution: null,
      geocoderUrl: null,
      worker: true,
      slaCheckSeconds: 60,
      logLevel: 'info',
      throttle: expect.objectContaining({ enabled: true }),
      webhookAllowedHosts: [],
    });
  });

  it('journals reports from 6 in flight in production, never in tests unless asked; off and 0 as documented', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).intakeJournalAt).toBe(6);
    expect(loadConfig({ NODE_ENV: 'test' }).intakeJournalAt).toBe(Infinity);
    expect(loadConfig({ NODE_ENV: 'production', INTAKE_JOURNAL_AT: 'off' }).intakeJournalAt).toBe(Infinity);
    expect(loadConfig({ NODE_ENV: 'test', INTAKE_JOURNAL_AT: '0' }).intakeJournalAt).toBe(0);
    expect(() => loadConfig({ INTAKE_JOURNAL_AT: '-1' })).toThrow(/INTAKE_JOURNAL_AT/);
  });

  it('reads a complete good environment', () => {
    const config = loadConfig({
      PORT: '18080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://tirta:secret@db:5432/tirta',
      PHOTO_DIR: '/data/photos',
      MAX_PHOTO_MB: '2.5',
      SESSION_HOURS: '8',
      DEFAULT_JURISDICTION: 'makassar',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      BASEMAP_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
      BASEMAP_ATTRIBUTION: '© OpenStreetMap',
      GEOCODER_URL: 'https://nominatim.example.org/search',
      WORKER: 'no',
      SLA_CHECK_SECONDS: '30',
      SOLVER_THREADS: '3',
      IMAGE_THREADS: '2',
      INTAKE_JOURNAL_AT: '12',
      LOG_LEVEL: 'debug',
      THROTTLE: 'off',
      THROTTLE_LOGIN_FAILURES: '3',
      THROTTLE_LOGIN_BLOCK_MINUTES: '10',
      WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 10.0.0.0/8',
      OPEN311_MEDIA_HOSTS: 'fms.example.org, [2001:db8::7]',
    });
    expect(config).toEqual({
      port: 18080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://tirta:secret@db:5432/tirta',
      photoDir: '/data/photos',
      defaultJurisdiction: 'makassar',
      maxPhotoBytes: Math.round(2.5 * 1024 * 1024),
      sessionHours: 8,
      nodeEnv: 'production',
      production: true,
      seedDemo: false,
      basemapUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
      basemapAttribution: '© OpenStreetMap',
      geocoderUrl: 'https://nominatim.example.org/search',
      worker: false,
      slaCheckSeconds: 30,
      solverThreads: 3,
      imageThreads: 2,
      intakeJournalAt: 12,
      logLevel: 'debug',
      throttle: expect.objectContaining({ enabled: false }),
      webhookAllowedHosts: ['hooks.internal', '10.0.0.0/8'],
      open311MediaHosts: ['fms.example.org', '2001:db8::7'],
      platformToken: null,
      photoStore: { kind: 'disk' },
    });
    expect(config.throttle.rules.loginUserIp).toEqual({ points: 3, durationSeconds: 3600, blockSeconds: 600 });
    expect(config.throttle.rules.loginUser.points).toBe(30);
  });

  it('treats an empty value as unset (compose passes ${X:-} as "")', () => {
    expect(loadConfig({ PORT: '', SEED_DEMO: ' ', BASEMAP_URL: '' })).toMatchObject({ port: 8080, seedDemo: true, basemapUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
    // none: no street map, the boundaries alone (a closed network).
    expect(loadConfig({ BASEMAP_URL: 'none' }).basemapUrl).toBeNull();
  });

  it('is quiet under test unless LOG_LEVEL says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['DATABASE_URL', 'mysql://localhost/tirta'],
    ['DATABASE_URL', 'postgres://[::1/tirta'],
    ['MAX_PHOTO_MB', '0'],
    ['MAX_PHOTO_MB', 'ten'],
    ['SESSION_HOURS', '-1'],
    ['SEED_DEMO', 'maybe'],
    ['NODE_ENV', 'staging'],
    ['BASEMAP_URL', 'tiles.example.org/{z}/{x}/{y}.png'],
    ['BASEMAP_URL', 'https://tiles.example.org/tile.png'],
    ['GEOCODER_URL', 'ftp://nominatim.example.org/search'],
    ['WORKER', 'sometimes'],
    ['SLA_CHECK_SECONDS', '0'],
    ['SLA_CHECK_SECONDS', '1.5'],
    ['LOG_LEVEL', 'verbose'],
    ['THROTTLE_LOGIN_FAILURES', '0'],
    ['WEBHOOK_ALLOWED_HOSTS', 'http://x/'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(badVariables({ [variable]: value })).toEqual([variable]);
  });

  it('names every bad variable at once, with what it expects', () => {
    let error: ConfigError | null = null;
    try {
      loadConfig({ PORT: 'x', WORKER: 'maybe', HOST: 'localhost' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual([
      { variable: 'PORT', expected: 'a port number 0..65535', got: 'x' },
      { variable: 'WORKER', expected: expect.stringContaining('true or false'), got: 'maybe' },
    ]);
    expect(error!.message).toMatch(/PORT: expected a port number/);
    expect(error!.message).toMatch(/WORKER: expected true or false/);
  });

  it('knows every variable the README documents, and the README documents every one', async () => {
    const fs = await import('node:fs/promises');
    const readme = await fs.readFile(path.resolve('README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
    const documented = [...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]);
    for (const name of settingNames) expect(documented, name).toContain(name);
  });
});
