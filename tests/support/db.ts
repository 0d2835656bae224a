/**
 * Database test support. Each test file makes its own utility (tenant), so
 * files run in parallel on one database without seeing each other's rows.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import path from 'node:path';
import os from 'node:os';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '../../server/platform/db/knex.js';
import { loadConfig, type ThrottleSettings } from '../../server/platform/config.js';
import { PhotoStore } from '../../server/platform/storage/photos.js';
import { createApp } from '../../server/app.js';
import { analysePendingPhotos, photoAnalysisIdle, stopPhotoAnalysis } from '../../server/features/tickets/photo-analysis.service.js';
import { stopJournalDrain } from '../../server/features/tickets/journal.service.js';
import type { AppContext } from '../../server/platform/context.js';
import { insertUtility, findUtilityById } from '../../server/features/utilities/repository.js';
import type { Utility } from '../../server/features/utilities/service.js';
import { insertStaff } from '../../server/features/auth/repository.js';
import { insertCrew } from '../../server/features/utilities/crews.repository.js';
import { hashPassword } from '../../server/features/auth/passwords.js';
import { roles, type Role } from '../../server/core/domain/tickets.js';

export const TEST_PASSWORD = 'rahasia-uji';

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which sets up the test database');
  return url;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current = new Date('2026-11-23T01:00:00Z')) {}
  now = (): Date => new Date(this.current.getTime());
  advanceMinutes(minutes: number): Date {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
    return this.now();
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

export interface TestEnv {
  db: Db;
  ctx: AppContext;
  clock: TestClock;
  utility: Utility;
  crews: number[];
  users: Record<string, number>; // username -> id
  regionId: number;
  close(): Promise<void>;
}

/** A 4 km x 4 km square around central Makassar: the test utility's service area. */
export const testArea = { minLon: 119.40, minLat: -5.17, maxLon: 119.44, maxLat: -5.13 };
export const insideArea = { lat: -5.15, lon: 119.42 };
export const outsideArea = { lat: -5.30, lon: 119.60 };

let cachedHash: Promise<string> | null = null;

export async function createTestEnv(
  options: { crews?: number; settings?: Record<string, unknown>; throttle?: ThrottleSettings; duplicates?: boolean; /** INTAKE_JOURNAL_AT (default: never journal) */ journalAt?: number } = {},
): Promise<TestEnv> {
  const db = createDb(requireDatabaseUrl(), 4);
  const clock = new TestClock();
  const code = `test-${crypto.randomBytes(5).toString('hex')}`;
  // Each test utility keeps its photos apart, so files running in parallel can count theirs.
  const base = loadConfig();
  // No throttling unless the test asks for it (tests/features/auth/login-throttle.test.ts and others set small limits).
  const throttle = options.throttle ?? { ...base.throttle, enabled: false };
  // No street map (OSM's tiles by default) unless the test serves one on loopback: tests send nothing off this machine.
  const config = { ...base, throttle, intakeJournalAt: options.journalAt ?? Infinity, basemapUrl: null, geocoderUrl: null, photoDir: path.join(process.env.PHOTO_DIR ?? path.join(os.tmpdir(), 'tirta-test-photos'), code) };
  const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: clock.now };
  const { minLon, minLat, maxLon, maxLat } = testArea;
  const utilityId = await insertUtility(db, {
    code,
    name: `Test utility ${code}`,
    serviceArea: { type: 'Polygon', coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] },
    // Reports are not merged into an open ticket at the same spot unless the test asks for it
    // (tests/citizen/duplicates.test.ts): most files send many reports from one point.
    settings: options.duplicates ? options.settings : { duplicateRadiusMetres: 0, ...options.settings },
  });
  const [{ id: regionId }] = await db('service_regions')
    .insert({ utility_id: utilityId, code: 'R1', name: 'Region One', area: db.raw('(SELECT service_area FROM utilities WHERE id = ?)', [utilityId]) })
    .returning('id');
  const crews: number[] = [];
  for (let i = 0; i < (options.crews ?? 2); i++) {
    crews.push(await insertCrew(db, { utilityId, code: `C${i + 1}`, name: `Crew ${i + 1}`, regionId, base: { lat: -5.14 - 0.01 * i, lon: 119.41 + 0.01 * i } }));
  }
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const hash = await cachedHash;
  const users: Record<string, number> = {};
  for (const role of roles) {
    if (role === 'crew') continue;
    users[role] = await insertStaff(db, { utilityId, username: role, displayName: `Test ${role}`, role, passwordHash: hash });
  }
  for (const [i, crewId] of crews.entries()) {
    users[`crew${i + 1}`] = await insertStaff(db, { utilityId, username: `crew${i + 1}`, displayName: `Test crew ${i + 1}`, role: 'crew', crewId, passwordHash: hash });
  }
  const utility = (await findUtilityById(db, utilityId))!;
  return {
    db,
    ctx,
    clock,
    utility,
    crews,
    users,
    regionId,
    close: async () => {
      await stopJournalDrain(ctx);
      await stopPhotoAnalysis(ctx);
      await db('utilities').where({ id: utilityId }).delete();
      await db.destroy();
    },
  };
}

/**
 * Waits until every photo of the env's utility is analysed (blur score, EXIF,
 * thumbnail: after the acknowledgment, on the imaging threads): the app's
 * queue first, then whatever is left (photos written by the services directly).
 */
export async function photosAnalysed(env: Pick<TestEnv, 'ctx' | 'utility'>): Promise<void> {
  await photoAnalysisIdle(env.ctx);
  await analysePendingPhotos(env.ctx, { utilityIds: [env.utility.id], includeLeased: true });
}

/** The real app on an ephemeral port. */
export async function startServer(ctx: AppContext): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = http.createServer(createApp(ctx));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function loginAs(baseUrl: string, utility: Utility, username: Role | string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD, jurisdiction_id: utility.code }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** An API call as a staff user (logged in at the test clock's time): the status and the parsed body. */
export async function callAs(baseUrl: string, utility: Utility, user: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const token = await loginAs(baseUrl, utility, user);
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A sharp photo (noise: high Laplacian variance), unique per call unless a seed is given. */
export async function sharpPhoto(seed = crypto.randomInt(1 << 30)): Promise<Buffer> {
  const width = 160;
  const height = 120;
  const pixels = Buffer.alloc(width * height * 3);
  let s = seed >>> 0;
  for (let i = 0; i < pixels.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    pixels[i] = s >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** A blurred photo: a smooth gradient, almost no edges. */
export async function blurredPhoto(): Promise<Buffer> {
  const width = 160;
  const height = 120;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = Math.round((x / width) * 200);
      pixels[i + 1] = Math.round((y / height) * 200);
      pixels[i + 2] = 120;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).blur(3).jpeg({ quality: 90 }).toBuffer();
}

/** A sharp photo carrying EXIF GPS (degrees/minutes/seconds) and a camera time without a zone. */
export async function photoWithExif(gps: { latDms: [number, number, number]; latRef: 'N' | 'S'; lonDms: [number, number, number]; lonRef: 'E' | 'W' }, takenLocal: string): Promise<Buffer> {
  const dms = (v: [number, number, number]) => v.map((x) => `${Math.round(x * 100)}/100`).join(' ');
  return sharp(await sharpPhoto(11))
    .withExif({
      IFD2: { DateTimeOriginal: takenLocal },
      IFD3: { GPSLatitudeRef: gps.latRef, GPSLatitude: dms(gps.latDms), GPSLongitudeRef: gps.lonRef, GPSLongitude: dms(gps.lonDms) },
    })
    .jpeg()
    .toBuffer();
}

/**
 * The usual frame of an HTTP test file: a fresh utility and the real server,
 * torn down after the file. Read `t.env` and `t.server` inside tests.
 */
export function useTestServer(options: Parameters<typeof createTestEnv>[0] = {}): { env: TestEnv; server: { baseUrl: string; close(): Promise<void> } } {
  const t = {} as { env: TestEnv; server: { baseUrl: string; close(): Promise<void> } };
  beforeAll(async () => {
    t.env = await createTestEnv(options);
    t.server = await startServer(t.env.ctx);
  });
  afterAll(async () => {
    await t.server?.close();
    await t.env?.close();
  });
  return t;
}

/**
 * A copy the store derives from an original (the thumbnail the analysis
 * writes after the acknowledgment, the served copy) or its temporary file: the
 * "stored nothing" checks count originals, which a refused request must never leave.
 */
export const derivedPhotoFile = (file: string): boolean => /\.(w\d+\.jpg|public\.[a-z]+)(\.[^/]*\.tmp)?$/.test(file);

/**
 * The original photo files under the store's root (derived copies left out
 * before any stat: the analysis may rename or remove its temporary files while
 * the walk runs, so a file gone between the listing and the stat is skipped).
 */
export function originalPhotoFiles(env: TestEnv): Set<string> {
  const root = env.ctx.config.photoDir;
  if (!fs.existsSync(root)) return new Set();
  const regular = (file: string): boolean => {
    try {
      return fs.statSync(path.join(root, file)).isFile();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  };
  return new Set(fs.readdirSync(root, { recursive: true }).map(String).filter((f) => !derivedPhotoFile(f)).filter(regular));
}

/** A staff member's JSON call on the test server (logged in as `user`): the status and the parsed answer. */
export async function staffCall(t: { env: TestEnv; server: { baseUrl: string } }, user: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const token = await loginAs(t.server.baseUrl, t.env.utility, user);
  const res = await fetch(`${t.server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
