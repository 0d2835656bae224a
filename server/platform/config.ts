import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { PhotoStoreSettings } from './storage/photos.js';

/**
 * Every setting the server reads from the environment, validated in one place
 * at start: a bad value stops the start with the variable's name and what it
 * expects. Each has a default that works on a fresh clone. No other module
 * reads process.env (the lint holds it). Documented in README.md ("Settings").
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
  nodeEnv: NodeEnv;
  production: boolean;
  /** Load the demo data into an empty database at start. */
  seedDemo: boolean;
  /** XYZ tile URL of the street basemap ({z}/{x}/{y}); OpenStreetMap's standard tiles by default, null (BASEMAP_URL=none) for the boundaries alone. */
  basemapUrl: string | null;
  basemapAttribution: string | null;
  /** A Nominatim-compatible search URL for addresses (GET /api/v1/places asks it when set); null: kelurahan and kecamatan only. */
  geocoderUrl: string | null;
  /** Run the background worker (SLA escalations, webhooks, points) in this process. */
  worker: boolean;
  /** Seconds between two ticks of the background worker. */
  slaCheckSeconds: number;
  /** Worker threads solving plans off the request thread (default: cores - 1, at least 1). */
  solverThreads: number;
  /** Worker threads analysing photos after the acknowledgment (blur, EXIF, thumbnail); default 1. */
  imageThreads: number;
  /**
   * Citizen reports in flight at which a new one is journalled (202 and a token; the ticket made just after)
   * instead of made while the citizen waits (201); Infinity: never (INTAKE_JOURNAL_AT=off), 0: always.
   */
  intakeJournalAt: number;
  logLevel: LogLevel;
  /** Where photos are kept: the local disk (PHOTO_DIR) or an S3-compatible object store shared by every instance. */
  photoStore: PhotoStoreSettings;
  /** Limits on abuse (login guessing, report floods, Open311 loops); held in PostgreSQL so they count across instances. */
  throttle: ThrottleSettings;
  /**
   * Webhook targets allowed although private, loopback, link-local or multicast:
   * host names, IP addresses or CIDR blocks (`10.0.0.0/8`). Empty: only public addresses.
   */
  webhookAllowedHosts: string[];
  /**
   * Hosts an Open311 `media_url` is fetched from (the photo of a report sent
   * by link): host names or addresses, exact. Empty: none is fetched, and a
   * report whose photo is only a link waits for staff behind a token.
   */
  open311MediaHosts: string[];
  /** The server operator's bearer token for /api/v1/platform (creating utilities); null: that API is off. */
  platformToken: string | null;
}

/** One limit: at most `points` in `durationSeconds`; past it, refused for `blockSeconds` (or until the window ends). */
export interface ThrottleRule {
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

export const throttleRuleNames = ['loginUserIp', 'loginUser', 'loginIp', 'reportPhone', 'reportIp', 'open311Key', 'open311Ip'] as const;
export type ThrottleRuleName = (typeof throttleRuleNames)[number];

export type { PhotoStoreSettings };

export interface ThrottleSettings {
  enabled: boolean;
  rules: Record<ThrottleRuleName, ThrottleRule>;
}

export const nodeEnvs = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof nodeEnvs)[number];
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** A start refused for bad settings; `problems` name each variable and what it expects. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; expected: string; got: string }[]) {
    super(
      `Invalid settings in the environment:\n${problems.map((p) => `  ${p.variable}: expected ${p.expected}, got ${JSON.stringify(p.got)}`).join('\n')}\nSee README.md, "Settings".`,
    );
    this.name = 'ConfigError';
  }
}

/** OpenStreetMap's standard tiles (https://operations.osmfoundation.org/policies/tiles/): the default street map. */
export const osmStandardTiles = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** An XYZ template OpenLayers can fill: absolute http(s) or same-origin, with {z}, {x} and {y} (or {-y}, TMS). */

const isTileUrl = (v: string): boolean => /^(https?:\/\/|\/)/.test(v) && v.includes('{z}') && v.includes('{x}') && (v.includes('{y}') || v.includes('{-y}'));

const truthy = ['true', '1', 'yes', 'on'];
const falsy = ['false', '0', 'no', 'off'];

const flag = (defaultValue: 'true' | 'false') => ({
  expected: `true or false (${[...truthy, ...falsy].join(', ')})`,
  schema: z.string().toLowerCase().refine((v) => truthy.includes(v) || falsy.includes(v)).default(defaultValue),
});

/** Each variable: its schema (on the raw string; unset or empty means the default) and what a good value is. */
const variables = {
  PORT: { expected: 'a port number 0..65535', schema: z.coerce.number().int().min(0).max(65535).default(8080) },
  HOST: { expected: 'an interface address or host name', schema: z.string().default('0.0.0.0') },
  DATABASE_URL: {
    expected: 'a postgres:// or postgresql:// URL',
    schema: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v))
      .default('postgres://postgres@127.0.0.1:5432/tirta'),
  },
  PHOTO_DIR: { expected: 'a directory path', schema: z.string().default('.data/photos') },
  PHOTO_STORE: { expected: 'disk or s3', schema: z.enum(['disk', 's3']).default('disk') },
  S3_ENDPOINT: { expected: 'an http(s) URL (MinIO, Garage; unset for AWS)', schema: z.string().url().refine((v) => /^https?:\/\//.test(v)).nullable().default(null) },
  S3_BUCKET: { expected: 'a bucket name (required with PHOTO_STORE=s3)', schema: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/).nullable().default(null) },
  S3_REGION: { expected: 'a region name', schema: z.string().default('us-east-1') },
  S3_ACCESS_KEY_ID: { expected: 'an access key id', schema: z.string().nullable().default(null) },
  S3_SECRET_ACCESS_KEY: { expected: 'a secret access key', schema: z.string().nullable().default(null) },
  S3_FORCE_PATH_STYLE: flag('true'),
  MAX_PHOTO_MB: { expected: 'a number of megabytes > 0', schema: z.coerce.number().positive().default(10) },
  SESSION_HOURS: { expected: 'a number of hours > 0', schema: z.coerce.number().positive().default(12) },
  DEFAULT_JURISDICTION: { expected: 'a utility code (jurisdiction_id)', schema: z.string().nullable().default(null) },
  SEED_DEMO: flag('true'),
  NODE_ENV: { expected: nodeEnvs.join(', '), schema: z.enum(nodeEnvs).default('development') },
  BASEMAP_URL: {
    expected: 'an http(s) or /path tile URL with {z}, {x} and {y}, or none',
    schema: z
      .string()
      .refine((v) => v === 'none' || isTileUrl(v))
      .default(osmStandardTiles)
      .transform((v) => (v === 'none' ? null : v)),
  },
  BASEMAP_ATTRIBUTION: { expected: 'text', schema: z.string().nullable().default(null) },
  GEOCODER_URL: {
    expected: 'an http(s) URL of a Nominatim-compatible /search endpoint',
    schema: z.string().url().refine((v) => /^https?:\/\//.test(v)).nullable().default(null),
  },
  WORKER: flag('true'),
  SLA_CHECK_SECONDS: { expected: 'a whole number of seconds >= 1', schema: z.coerce.number().int().min(1).default(60) },
  SOLVER_THREADS: { expected: 'a whole number of threads from 1 to 64', schema: z.coerce.number().int().min(1).max(64).optional() },
  IMAGE_THREADS: { expected: 'a whole number of threads from 1 to 64', schema: z.coerce.number().int().min(1).max(64).optional() },
  INTAKE_JOURNAL_AT: { expected: "a whole number of reports in flight from 0 to 10000, or 'off'", schema: z.union([z.literal('off'), z.coerce.number().int().min(0).max(10_000)]).optional() },
  LOG_LEVEL: { expected: logLevels.join(', '), schema: z.enum(logLevels).optional() },
  THROTTLE: flag('true'),
  THROTTLE_LOGIN_FAILURES: { expected: 'a whole number >= 1', schema: z.coerce.number().int().min(1).default(5) },
  THROTTLE_LOGIN_BLOCK_MINUTES: { expected: 'a number of minutes > 0', schema: z.coerce.number().positive().default(15) },
  THROTTLE_REPORTS_PER_PHONE_HOUR: { expected: 'a whole number >= 1', schema: z.coerce.number().int().min(1).default(10) },
  THROTTLE_REPORTS_PER_IP_HOUR: { expected: 'a whole number >= 1', schema: z.coerce.number().int().min(1).default(120) },
  THROTTLE_OPEN311_PER_MINUTE: { expected: 'a whole number >= 1', schema: z.coerce.number().int().min(1).default(120) },
  PLATFORM_TOKEN: { expected: 'a secret of at least 32 characters (e.g. openssl rand -base64 32)', schema: z.string().min(32).nullable().default(null) },
  WEBHOOK_ALLOWED_HOSTS: {
    expected: 'a comma-separated list of host names, IP addresses or CIDR blocks',
    schema: z
      .string()
      .refine((v) => v.split(',').every((h) => /^[A-Za-z0-9.:_\-[\]]+(\/\d{1,3})?$/.test(h.trim())))
      .default(''),
  },
  OPEN311_MEDIA_HOSTS: {
    expected: 'a comma-separated list of host names or IP addresses',
    schema: z
      .string()
      .refine((v) => v.split(',').every((h) => /^[A-Za-z0-9.:_\-[\]]*$/.test(h.trim())))
      .default(''),
  },
} as const;

/** The names of every variable the server reads (README's settings table lists the same). */
export const settingNames = Object.keys(variables) as (keyof typeof variables)[];

type Parsed = { [K in keyof typeof variables]: z.output<(typeof variables)[K]['schema']> };

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: ConstructorParameters<typeof ConfigError>[0] = [];
  const parsed = {} as Record<string, unknown>;
  for (const name of settingNames) {
    const raw = env[name];
    // Unset and empty both mean "the default" (docker compose passes `${X:-}` as an empty string).
    const given = raw === undefined || raw.trim() === '' ? undefined : raw.trim();
    const result = variables[name].schema.safeParse(given);
    if (result.success) parsed[name] = result.data;
    else problems.push({ variable: name, expected: variables[name].expected, got: raw ?? '' });
  }
  if (parsed.PHOTO_STORE === 's3' && !parsed.S3_BUCKET) problems.push({ variable: 'S3_BUCKET', expected: variables.S3_BUCKET.expected, got: env.S3_BUCKET ?? '' });
  if (problems.length) throw new ConfigError(problems);
  const p = parsed as Parsed;
  return {
    port: p.PORT,
    host: p.HOST,
    databaseUrl: p.DATABASE_URL,
    photoDir: path.resolve(p.PHOTO_DIR),
    photoStore:
      p.PHOTO_STORE === 's3'
        ? {
            kind: 's3',
            endpoint: p.S3_ENDPOINT,
            bucket: p.S3_BUCKET!,
            region: p.S3_REGION,
            accessKeyId: p.S3_ACCESS_KEY_ID,
            secretAccessKey: p.S3_SECRET_ACCESS_KEY,
            forcePathStyle: truthy.includes(p.S3_FORCE_PATH_STYLE),
          }
        : { kind: 'disk' },
    defaultJurisdiction: p.DEFAULT_JURISDICTION,
    maxPhotoBytes: Math.round(p.MAX_PHOTO_MB * 1024 * 1024),
    sessionHours: p.SESSION_HOURS,
    nodeEnv: p.NODE_ENV,
    production: p.NODE_ENV === 'production',
    seedDemo: truthy.includes(p.SEED_DEMO),
    basemapUrl: p.BASEMAP_URL,
    basemapAttribution: p.BASEMAP_ATTRIBUTION,
    geocoderUrl: p.GEOCODER_URL,
    worker: truthy.includes(p.WORKER),
    slaCheckSeconds: p.SLA_CHECK_SECONDS,
    solverThreads: p.SOLVER_THREADS ?? Math.max(1, availableParallelism() - 1),
    imageThreads: p.IMAGE_THREADS ?? 1,
    // Tests make tickets while they wait unless a test asks for the journal.
    intakeJournalAt: p.INTAKE_JOURNAL_AT === 'off' ? Infinity : (p.INTAKE_JOURNAL_AT ?? (p.NODE_ENV === 'test' ? Infinity : 6)),
    // Tests stay quiet unless asked; a server says what it does.
    logLevel: p.LOG_LEVEL ?? (p.NODE_ENV === 'test' ? 'silent' : 'info'),
    throttle: throttleSettingsOf(p),
    webhookAllowedHosts: p.WEBHOOK_ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    open311MediaHosts: p.OPEN311_MEDIA_HOSTS.split(',').map((h) => h.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')).filter(Boolean),
    platformToken: p.PLATFORM_TOKEN,
  };
}

/**
 * Login: a username guessed from one address is blocked after a few failures
 * for some minutes (the real user elsewhere is not); a username guessed from
 * everywhere is slowed to 10x that per day and blocked for an hour at worst;
 * an address failing on many usernames, 20x per hour. Intake: per phone and per
 * address per hour. Open311: per api_key and per address per minute.
 */
function throttleSettingsOf(p: Parsed): ThrottleSettings {
  const loginBlock = Math.round(p.THROTTLE_LOGIN_BLOCK_MINUTES * 60);
  return {
    enabled: truthy.includes(p.THROTTLE),
    rules: {
      loginUserIp: { points: p.THROTTLE_LOGIN_FAILURES, durationSeconds: 3600, blockSeconds: loginBlock },
      loginUser: { points: p.THROTTLE_LOGIN_FAILURES * 10, durationSeconds: 86_400, blockSeconds: 3600 },
      loginIp: { points: p.THROTTLE_LOGIN_FAILURES * 20, durationSeconds: 3600, blockSeconds: 3600 },
      reportPhone: { points: p.THROTTLE_REPORTS_PER_PHONE_HOUR, durationSeconds: 3600 },
      reportIp: { points: p.THROTTLE_REPORTS_PER_IP_HOUR, durationSeconds: 3600 },
      open311Key: { points: p.THROTTLE_OPEN311_PER_MINUTE, durationSeconds: 60 },
      open311Ip: { points: p.THROTTLE_OPEN311_PER_MINUTE, durationSeconds: 60 },
    },
  };
}
