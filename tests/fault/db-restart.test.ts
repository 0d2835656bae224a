/**
 * The fault test (issue 11): on a PRIVATE PostgreSQL + PostGIS cluster this
 * file starts itself (initdb into a temp dir, a free port; the machine's
 * shared server is never touched), the real server runs as a child process;
 * report submissions with Idempotency-Keys stream in while
 *   1. the database is stopped (immediate: a crash) and started again, and
 *   2. the app process is killed with SIGKILL and started again.
 * Afterwards: every 201 is in the database, every other answer was a 503 (or a
 * connection error, or 409 "in progress" with Retry-After while a dead
 * attempt's lease runs out), and each report ends as exactly one ticket.
 * A third phase restarts the database under the intake journal (every report
 * journalled, INTAKE_JOURNAL_AT=0): every 202's token ends as exactly one ticket.
 * Bounded: 3 x 40 reports, 4 at a time; each retry loop gives up after 60 s.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrate, type Db } from '../../server/platform/db/knex.js';
import { insertUtility } from '../../server/features/utilities/repository.js';
import { sharpPhoto, testArea } from '../support/db.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const isRoot = process.getuid?.() === 0;
const REPORTS_PER_PHASE = 40;
const CONCURRENCY = 4;

function pgBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql (scripts/bootstrap.mjs installs them)');
  return path.join(base, versions[0], 'bin');
}

/** A PostgreSQL binary, as the postgres user when we are root (initdb and postgres refuse root). */
function asPostgres(bin: string, args: string[]): void {
  const r = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class Cluster {
  readonly dir: string;
  readonly port: number;
  private readonly bin = pgBin();
  constructor(dir: string, port: number) {
    this.dir = dir;
    this.port = port;
  }
  static async create(): Promise<Cluster> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-fault-'));
    const cluster = new Cluster(path.join(base, 'pg'), await freePort());
    fs.mkdirSync(cluster.dir);
    if (isRoot) spawnSync('chown', ['-R', 'postgres:postgres', base]);
    asPostgres(path.join(cluster.bin, 'initdb'), ['-D', cluster.dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    cluster.start();
    return cluster;
  }
  start(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c max_connections=40`;
    asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', this.dir, '-l', path.join(this.dir, 'server.log'), '-o', options, '-w', '-t', '30', 'start']);
  }
  /** `immediate`: the server stops without a checkpoint, as in a crash (the next start replays the WAL). */
  stop(mode: 'immediate' | 'fast' = 'immediate'): void {
    asPostgres(path.join(this.bin, 'pg_ctl'), ['-D', this.dir, '-m', mode, '-w', '-t', '30', 'stop']);
  }
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }
  remove(): void {
    try {
      this.stop('immediate');
    } catch {
      /* already stopped */
    }
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

class App {
  child: ChildProcess | null = null;
  readonly baseUrl: string;
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }
  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
      cwd: root,
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    this.child.stderr?.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    const until = Date.now() + 30_000;
    while (Date.now() < until) {
      if (this.child.exitCode !== null) throw new Error(`the app exited at start (${this.child.exitCode}): ${stderr}`);
      try {
        if ((await fetch(`${this.baseUrl}/readyz`)).status === 200) return;
      } catch {
        /* not listening yet */
      }
      await sleep(200);
    }
    throw new Error(`the app did not become ready in 30 s: ${stderr}`);
  }
  kill9(): void {
    this.child?.kill('SIGKILL');
  }
  async stop(): Promise<void> {
    if (!this.child || this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child!.once('exit', resolve));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(6000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

interface Outcome {
  key: string;
  phone: string;
  /** Every answer to every attempt: an HTTP status, or 'connection' when the request failed at the socket. */
  answers: (number | 'connection')[];
  /** Error codes seen on non-201 answers. */
  codes: string[];
  numbers: string[];
  /** The token of a journalled report (202): its receipt carries the number once the ticket is made. */
  tokens: string[];
  done: boolean;
}

/** Submits one report until it is acknowledged (201, or 200 for a replayed re-report), retrying like a phone would. */
async function submitUntilAcknowledged(app: App, utilityCode: string, outcome: Outcome, photo: Buffer, lat: number, lon: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const body = new FormData();
    for (const [k, v] of Object.entries({ jurisdiction_id: utilityCode, lat: String(lat), lon: String(lon), phone: outcome.phone, description: `fault test ${outcome.key}`, category: 'visible_leak' })) body.set(k, v);
    body.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'leak.jpg');
    let retryAfterMs = 250;
    try {
      const res = await fetch(`${app.baseUrl}/api/v1/reports`, { method: 'POST', body, headers: { 'Idempotency-Key': outcome.key }, signal: AbortSignal.timeout(15_000) });
      outcome.answers.push(res.status);
      const json = (await res.json().catch(() => ({}))) as { number?: string; token?: string; error?: { code?: string } };
      if (res.status === 201) {
        outcome.numbers.push(json.number!);
        outcome.done = true;
        return;
      }
      if (res.status === 202) {
        outcome.tokens.push(json.token!);
        outcome.done = true;
        return;
      }
      outcome.codes.push(json.error?.code ?? '?');
      const ra = Number(res.headers.get('retry-after'));
      if (ra > 0) retryAfterMs = Math.min(ra * 1000, 2000);
    } catch {
      outcome.answers.push('connection');
    }
    await sleep(retryAfterMs);
  }
}

/** Streams `count` reports, `CONCURRENCY` at a time; `disrupt` runs once `after` reports were acknowledged. */
async function stream(app: App, utilityCode: string, prefix: string, count: number, after: number, disrupt: () => Promise<void>): Promise<Outcome[]> {
  const outcomes: Outcome[] = Array.from({ length: count }, (_, i) => ({
    key: `${prefix}-${i}`,
    phone: `0813${prefix === 'db' ? '1' : prefix === 'kill' ? '2' : '3'}${String(i).padStart(6, '0')}`,
    answers: [],
    codes: [],
    numbers: [],
    tokens: [],
    done: false,
  }));
  const photos = await Promise.all(outcomes.map((_, i) => sharpPhoto((prefix === 'db' ? 1000 : prefix === 'kill' ? 2000 : 3000) + i)));
  let next = 0;
  let disrupted: Promise<void> | null = null;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      // Each phase on its own points (about 170 m apart): a report within 50 m of an open one would be merged into it (200).
      const lat = testArea.minLat + 0.005 + (i % 10) * 0.003 + (prefix === 'db' ? 0 : prefix === 'kill' ? 0.0015 : 0);
      const lonShift = prefix === 'journal' ? 0.0015 : 0;
      const lon = testArea.minLon + 0.005 + Math.floor(i / 10) * 0.003 + lonShift;
      await submitUntilAcknowledged(app, utilityCode, outcomes[i], photos[i], lat, lon);
      if (!disrupted && outcomes.filter((o) => o.done).length >= after) disrupted = disrupt();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await disrupted;
  return outcomes;
}

describe('fault test: database restart and app kill -9 during a stream of reports', () => {
  let cluster: Cluster;
  let db: Db;
  let app: App;
  let utility: { id: number; code: string };
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-fault-photos-'));

  beforeAll(async () => {
    cluster = await Cluster.create();
    const admin = createDb(cluster.url('postgres'), 1);
    await admin.raw('CREATE DATABASE tirta');
    await admin.destroy();
    db = createDb(cluster.url('tirta'), 2);
    await db.raw('CREATE EXTENSION IF NOT EXISTS postgis');
    await migrate(db);
    const { minLon, minLat, maxLon, maxLat } = testArea;
    const code = 'fault';
    const id = await insertUtility(db, {
      code,
      name: 'Fault test utility',
      serviceArea: { type: 'Polygon', coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] },
    });
    utility = { id, code };
    app = new App(await freePort(), {
      DATABASE_URL: cluster.url('tirta'),
      PHOTO_DIR: photoDir,
      PHOTO_STORE: 'disk',
      SEED_DEMO: 'false',
      WORKER: 'false',
      THROTTLE: 'false',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      DEFAULT_JURISDICTION: code,
    });
    await app.start();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await db?.destroy();
    cluster?.remove();
    fs.rmSync(photoDir, { recursive: true, force: true });
  });

  /** The checks after a phase; returns the figures for the log. */
  async function check(outcomes: Outcome[], on: App = app) {
    // A journalled report's number: its receipt, polled until the ticket is made (60 s at most).
    for (const o of outcomes) {
      for (const token of o.tokens) {
        const deadline = Date.now() + 60_000;
        for (;;) {
          const res = await fetch(`${on.baseUrl}/api/v1/reports/receipts/${token}?jurisdiction_id=${utility.code}`);
          const json = (await res.json()) as { number?: string };
          if (res.status === 201) {
            o.numbers.push(json.number!);
            break;
          }
          expect(res.status, `receipt of ${o.key}`).toBe(202);
          expect(Date.now(), `receipt of ${o.key} still pending after 60 s`).toBeLessThan(deadline);
          await sleep(250);
        }
      }
    }
    const all = outcomes.flatMap((o) => o.answers);
    const figures = {
      reports: outcomes.length,
      attempts: all.length,
      acknowledged: outcomes.filter((o) => o.done).length,
      answered503: all.filter((a) => a === 503).length,
      connectionErrors: all.filter((a) => a === 'connection').length,
      inProgress409: all.filter((a) => a === 409).length,
      journalled202: all.filter((a) => a === 202).length,
      other: all.filter((a) => a !== 201 && a !== 202 && a !== 503 && a !== 409 && a !== 'connection'),
    };
    // Every report was finally acknowledged, and nothing but 201 / 503 / connection errors / 409 in progress was seen.
    expect(figures.acknowledged).toBe(outcomes.length);
    expect(figures.other).toEqual([]);
    const codes = new Set(outcomes.flatMap((o) => o.codes));
    for (const c of codes) expect(['SERVICE_UNAVAILABLE', 'CONFLICT']).toContain(c);
    // Every 201 is in the database, and each report is exactly one ticket (one per key's phone).
    for (const o of outcomes) {
      expect(new Set(o.numbers).size, o.key).toBe(1);
      const tickets = await db('tickets as t').join('reporters as r', 'r.id', 't.reporter_id').where('t.utility_id', utility.id).andWhere('t.description', `fault test ${o.key}`).select('t.number');
      expect(tickets.map((t) => t.number), o.key).toEqual([o.numbers[0]]);
      const photos = await db('photos').join('tickets', 'tickets.id', 'photos.ticket_id').where('tickets.number', o.numbers[0]).andWhere('tickets.utility_id', utility.id).count<{ n: string }[]>({ n: '*' });
      expect(Number(photos[0].n), o.key).toBe(1);
    }
    return figures;
  }

  it('the database stops (as in a crash) and starts again mid-stream: every 201 is saved, each report is one ticket', async () => {
    const outcomes = await stream(app, utility.code, 'db', REPORTS_PER_PHASE, 10, async () => {
      cluster.stop('immediate');
      await sleep(1500);
      cluster.start();
    });
    const figures = await check(outcomes);
    // The outage was seen by the clients (otherwise the test proved nothing).
    expect(figures.answered503 + figures.connectionErrors).toBeGreaterThan(0);
    console.info('fault test, database restart:', JSON.stringify(figures));
  }, 150_000);

  it('the app is killed with SIGKILL mid-stream and started again: every 201 is saved, each report is one ticket', async () => {
    const outcomes = await stream(app, utility.code, 'kill', REPORTS_PER_PHASE, 10, async () => {
      app.kill9();
      await sleep(300);
      await app.start();
    });
    const figures = await check(outcomes);
    expect(figures.connectionErrors).toBeGreaterThan(0);
    console.info('fault test, app kill -9:', JSON.stringify(figures));
  }, 150_000);

  it('the database stops and starts again while every report is journalled (202): each token ends as exactly one ticket', async () => {
    const journalling = new App(await freePort(), { ...app.env, INTAKE_JOURNAL_AT: '0' });
    await journalling.start();
    try {
      const outcomes = await stream(journalling, utility.code, 'journal', REPORTS_PER_PHASE, 10, async () => {
        cluster.stop('immediate');
        await sleep(1500);
        cluster.start();
      });
      const figures = await check(outcomes, journalling);
      expect(figures.journalled202).toBe(REPORTS_PER_PHASE);
      expect(figures.answered503 + figures.connectionErrors).toBeGreaterThan(0);
      console.info('fault test, database restart under the journal:', JSON.stringify(figures));
    } finally {
      await journalling.stop();
    }
  }, 200_000);
});
