/**
 * npm run bench:intake: citizen reports with a real JPEG, on loopback, against
 * the real server (server/main.ts, started here as a child process) on a
 * database of its own, for 60 s with autocannon. Every request carries a
 * different photo (a unique JPEG comment segment, so the sha256 differs),
 * phone, place and Idempotency-Key, so nothing is short-circuited; the
 * throttles are off (THROTTLE=false) and the worker too (WORKER=false).
 * Then every acknowledged ticket is looked up in the database with its photo
 * row and its stored file. Prints a table; exits 1 when a target is missed
 * (>= 200 accepted/s, p99 < 500 ms, zero errors, nothing acknowledged lost). Accepted: 201 (a new
 * ticket), 200 (attached to an open ticket nearby, the reporter told its number) or 202 (journalled
 * under load: stored with its photo, the ticket made just after; journal.service.ts). A 202's token
 * must end as a ticket: the bench waits for the journal to drain, then looks each one up.
 *
 * First it times each stage of one report in this process (header, blur
 * score, EXIF, sha256, the store's write with fsync, the database
 * transaction), so the table says where the time goes.
 *
 * The request path only sniffs the photo's header and stores it; the blur
 * score, EXIF and thumbnail follow on the server's imaging thread. After the
 * load, the bench waits for that backlog to drain (at most --drain-seconds)
 * and says how long it took: every acknowledged photo must end up analysed.
 *
 *   BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/tirta_bench_intake (dropped and made afresh)
 *   --seconds N          load duration (default 60)
 *   --connections N      concurrent connections (default 16)
 *   --width N            photo width in pixels, 4:3 (default 1600: a phone photo as a messaging app sends it)
 *   --no-profile         skip the stage timing
 *   --cpu-prof           run the server with node --cpu-prof and print where its own CPU went (top functions by self time)
 *   --drain-seconds N    how long to wait after the load for the photo analyses to finish (default 600)
 *   --floor              then the floor of this machine: the same load against bench/intake-floor-server.ts,
 *                        which only parses the upload (then stores the photo, sniffs it, writes one row) and
 *                        answers 202, each step for --floor-seconds N (default 20): what no intake that keeps
 *                        the photo can beat here
 *   --floor-only         the floor alone
 *   --journal-at N       the server's INTAKE_JOURNAL_AT (reports in flight at which a report is journalled;
 *                        'off': never; default: the server's default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import exifr from 'exifr';
import { ensureDatabase, percentile } from './support.js';
import sharp from 'sharp';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { insertUtility, findUtilityById } from '../server/features/utilities/repository.js';
import type { Utility } from '../server/features/utilities/service.js';
import { loadConfig } from '../server/platform/config.js';
import { analysePhoto, measurePhoto, PhotoStore, sniffPhoto, THUMBNAIL_WIDTH } from '../server/platform/storage/photos.js';
import { submitReport } from '../server/features/tickets/intake.service.js';
import { FLOOR_STEPS, FLOOR_TABLE } from './intake-floor-server.js';
import type { AppContext } from '../server/platform/context.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const options = {
  url: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_intake',
  seconds: arg('seconds', 60),
  connections: arg('connections', 16),
  width: arg('width', 1600),
  profile: !process.argv.includes('--no-profile'),
  cpuProf: process.argv.includes('--cpu-prof'),
  drainSeconds: arg('drain-seconds', 600),
  floor: process.argv.includes('--floor') || process.argv.includes('--floor-only'),
  floorOnly: process.argv.includes('--floor-only'),
  floorSeconds: arg('floor-seconds', 20),
  targetPerSecond: 200,
  targetP99Ms: 500,
};
const area = { minLon: 119.4, minLat: -5.17, maxLon: 119.44, maxLat: -5.13 };

async function addUtility(db: Db, code: string): Promise<Utility> {
  const { minLon, minLat, maxLon, maxLat } = area;
  const id = await insertUtility(db, {
    code,
    name: `Bench ${code}`,
    serviceArea: { type: 'Polygon', coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]] },
  });
  await db('service_regions').insert({ utility_id: id, code: 'R1', name: 'Region One', area: db.raw('(SELECT service_area FROM utilities WHERE id = ?)', [id]) });
  return (await findUtilityById(db, id))!;
}

/** A camera-like JPEG: smooth shapes, fine grain, EXIF with GPS and time, as a phone writes it. */
async function basePhoto(width: number): Promise<Buffer> {
  const height = Math.round((width * 3) / 4);
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(1.2)
    .png()
    .toBuffer();
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ab"/><stop offset="1" stop-color="#543"/></linearGradient></defs>` +
      `<rect width="100%" height="100%" fill="url(#g)"/><ellipse cx="${width / 2}" cy="${height * 0.7}" rx="${width / 3}" ry="${height / 8}" fill="#346" opacity="0.8"/>` +
      `<rect x="${width * 0.1}" y="${height * 0.55}" width="${width * 0.8}" height="${height / 14}" fill="#999"/></svg>`,
  );
  return sharp(svg)
    .composite([{ input: grain, blend: 'overlay' }])
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'P1' }, IFD2: { DateTimeOriginal: '2026:11:20 09:15:00' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '5/1 9/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 25/1 12/1' } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** The same picture with a unique JPEG comment (COM) segment after SOI: a different file, sha256 and all. */
function uniquePhoto(base: Buffer, id: string): Buffer {
  const text = Buffer.from(`bench ${id}`);
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  text.copy(segment, 4);
  return Buffer.concat([base.subarray(0, 2), segment, base.subarray(2)]);
}

const boundary = '----tirtabench7f3a';
function multipart(fields: Record<string, string>, photo: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="leak.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), photo, Buffer.from(`\r\n--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

let sequence = 0;
function nextReport(utility: Utility, base: Buffer): { body: Buffer; key: string } {
  const n = ++sequence;
  const key = `bench-${process.pid}-${n}-${crypto.randomBytes(4).toString('hex')}`;
  const lat = area.minLat + 0.002 + Math.random() * (area.maxLat - area.minLat - 0.004);
  const lon = area.minLon + 0.002 + Math.random() * (area.maxLon - area.minLon - 0.004);
  const fields = {
    jurisdiction_id: utility.code,
    lat: lat.toFixed(6),
    lon: lon.toFixed(6),
    phone: `0813${String(10_000_000 + n).padStart(8, '0')}`,
    name: `Pelapor ${n}`,
    description: 'Pipa bocor di depan rumah',
    category: 'visible_leak',
  };
  return { body: multipart(fields, uniquePhoto(base, key)), key };
}

const fmt = (v: number, digits = 1) => v.toFixed(digits);

/** Times each stage of one report in this process: the breakdown of where the server's time goes. */
async function profileStages(db: Db, utility: Utility, base: Buffer, photoDir: string): Promise<[string, string][]> {
  const runs = 60;
  const store = new PhotoStore(photoDir);
  const ctx: AppContext = { db, config: { ...loadConfig({ NODE_ENV: 'production' }), photoDir }, photos: store, now: () => new Date() };
  const stages: Record<string, number[]> = {
    header: [],
    'decode at DCT scale (BLUR_EDGE_PX) + blur score + thumbnail + EXIF: the imaging thread': [],
    exif: [],
    sha256: [],
    'analysePhoto (header, measures; now after the ack)': [],
    'sniffPhoto (header, tail, sha256: the request path)': [],
    'store write (temp + fsync + rename)': [],
    'submitReport (all, incl. transaction)': [],
  };
  const time = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const out = await f();
    stages[name].push(performance.now() - t0);
    return out;
  };
  const cpu = { analyse: 0, sniff: 0, submit: 0 };
  // SQL statements (BEGIN and COMMIT included) sent by submitReport: round trips to PostgreSQL.
  let statements = 0;
  let counting = false;
  db.on('query', () => {
    if (counting) statements++;
  });
  for (let i = 0; i < runs; i++) {
    const photo = uniquePhoto(base, `profile-${i}`);
    const c0 = process.cpuUsage();
    await measurePhoto(uniquePhoto(base, `profile-cpu-${i}`), utility.timeZone, THUMBNAIL_WIDTH);
    const c1 = process.cpuUsage(c0);
    cpu.analyse += (c1.user + c1.system) / 1000;
    const s0 = process.cpuUsage();
    await sniffPhoto(uniquePhoto(base, `profile-sniff-${i}`));
    const s1 = process.cpuUsage(s0);
    cpu.sniff += (s1.user + s1.system) / 1000;
    await time('header', () => sharp(photo).metadata());
    // What the imaging thread does after the acknowledgment (platform/imaging/worker.ts): one small decode for both.
    await time('decode at DCT scale (BLUR_EDGE_PX) + blur score + thumbnail + EXIF: the imaging thread', () => measurePhoto(photo, utility.timeZone, THUMBNAIL_WIDTH));
    await time('exif', async () => [await exifr.parse(photo, { gps: true, reviveValues: false }), await exifr.gps(photo)]);
    await time('sha256', () => crypto.createHash('sha256').update(photo).digest('hex'));
    const analysis = await time('analysePhoto (header, measures; now after the ack)', () => analysePhoto(photo, utility.timeZone));
    await time('sniffPhoto (header, tail, sha256: the request path)', () => sniffPhoto(photo));
    await time('store write (temp + fsync + rename)', () => store.save(photo, analysis));
    const c2 = process.cpuUsage();
    counting = true;
    await time('submitReport (all, incl. transaction)', () =>
      submitReport(ctx, utility, {
        lat: -5.15 + Math.random() * 0.01,
        lon: 119.42 + Math.random() * 0.01,
        phone: `0814${String(10_000_000 + i).padStart(8, '0')}`,
        name: 'Profil',
        source: 'app',
        category: 'visible_leak',
        photo: uniquePhoto(base, `profile-submit-${i}`),
      }),
    );
    counting = false;
    const c3 = process.cpuUsage(c2);
    cpu.submit += (c3.user + c3.system) / 1000;
  }
  const rows: [string, string][] = [];
  for (const [name, values] of Object.entries(stages)) {
    const sorted = [...values].sort((a, b) => a - b);
    rows.push([name, `median ${fmt(percentile(sorted, 50), 2)} ms, p90 ${fmt(percentile(sorted, 90), 2)} ms`]);
  }
  const median = (name: string) => [...stages[name]].sort((a, b) => a - b)[Math.floor(runs / 2)];
  rows.push(['=> transaction and checks (submitReport - sniff - write)', `~${fmt(median('submitReport (all, incl. transaction)') - median('sniffPhoto (header, tail, sha256: the request path)') - median('store write (temp + fsync + rename)'), 2)} ms`]);
  rows.push(['CPU of the analysis (measurePhoto with thumbnail; this process, all threads)', `${fmt(cpu.analyse / runs, 2)} ms per photo`]);
  rows.push(['CPU of sniffPhoto (this process, all threads)', `${fmt(cpu.sniff / runs, 2)} ms per photo`]);
  rows.push(['CPU of submitReport (this process; PostgreSQL not counted)', `${fmt(cpu.submit / runs, 2)} ms per report`]);
  rows.push(['SQL statements of submitReport (BEGIN/COMMIT included; the route adds the utility, the key claim and its answer)', `${fmt(statements / runs, 1)} per report`]);
  return rows;
}

/** CPU seconds a process has used (user + system, all its threads), from /proc; `thread`: that thread's only (the main thread has the process's id). */
function cpuSecondsOf(pid: number, thread?: number): number {
  const fields = fs.readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

/**
 * CPU seconds used so far by each PostgreSQL backend serving this database
 * (pid -> seconds), the bench's own connections (application_name) left out.
 * WAL writer, checkpointer and the like serve every database on the machine:
 * not counted.
 */
async function postgresCpuByBackend(db: Db): Promise<Map<number, number>> {
  const rows: { pid: number }[] = (await db.raw(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name <> ?`, [BENCH_APPLICATION])).rows;
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      out.set(pid, cpuSecondsOf(pid));
    } catch {
      // gone, or PostgreSQL runs elsewhere: not counted
    }
  }
  return out;
}

const postgresCpuSince = (before: Map<number, number>, after: Map<number, number>): number => [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

/**
 * The backends' CPU, looked at every second: a pooled connection closed when
 * idle (the drain outlasts the pool's idle timeout) keeps the last value seen.
 */
function watchPostgresCpu(db: Db): { latest: () => Promise<Map<number, number>>; stop: () => void } {
  const seen = new Map<number, number>();
  const look = async () => {
    for (const [pid, s] of await postgresCpuByBackend(db)) seen.set(pid, s);
    return seen;
  };
  const timer = setInterval(() => void look().catch(() => undefined), 1000);
  return { latest: look, stop: () => clearInterval(timer) };
}

/** Transactions committed in this database so far (pg_stat_database). */
async function commitsOf(db: Db): Promise<number> {
  return Number((await db.raw('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()')).rows[0].xact_commit);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The server's own CPU by function (self time), grouped by package or source file: what --cpu-prof wrote at exit. */
function printCpuProfile(dir: string): void {
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    console.log('No CPU profile was written (the server did not exit cleanly).');
    return;
  }
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const where = (url: string, fn: string): string => {
    if (!url) return fn ? `(native) ${fn}` : '(program / idle / gc)';
    const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (pkg) return `npm:${pkg[1]}`;
    if (url.startsWith('node:')) return url;
    return url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
  };
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const key = where(node.callFrame.url, node.callFrame.functionName);
    const dt = profile.timeDeltas[i] ?? 0;
    totals.set(key, (totals.get(key) ?? 0) + dt);
    all += dt;
  });
  const idle = totals.get('(native) (idle)') ?? 0;
  const top = [...totals].filter(([k]) => k !== '(native) (idle)').sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`\nServer main thread, by self time (--cpu-prof; ${fmt((all - idle) / 1e6)} s busy of ${fmt(all / 1e6)} s; sharp's decoding runs on libuv threads, not here):`);
  console.table(Object.fromEntries(top.map(([k, v]) => [k, { 'self s': fmt(v / 1e6, 2), '% of busy': fmt((100 * v) / (all - idle)) }])));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(url: string, photoDir: string, profileDir: string | null, script = 'server/main.ts', env: Record<string, string> = {}): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = await freePort();
  // node itself (not the tsx wrapper), so /proc/<pid> is the server's own CPU.
  const child = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', script], {
    env: { ...process.env, DATABASE_URL: url, PHOTO_DIR: photoDir, PORT: String(port), HOST: '127.0.0.1', THROTTLE: 'false', WORKER: 'false', NODE_ENV: 'production', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) return { baseUrl, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become ready in 60 s');
}

const BENCH_APPLICATION = 'tirta-bench-intake';

/** Citizen reports posted for `seconds` on `options.connections` connections, each with its own photo, phone and key. */
function loadReports(baseUrl: string, seconds: number, utility: Utility, base: Buffer, onResponse: (status: number, body: string) => void) {
  return autocannon({
    url: `${baseUrl}/api/v1/reports`,
    connections: options.connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { body, key } = nextReport(utility, base);
          return { ...req, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': key } };
        },
        onResponse: (status, body) => onResponse(status, body),
      },
    ],
  });
}

/**
 * The floor: the same load against a server that only parses the upload, then stores the photo, sniffs it and
 * writes one row (bench/intake-floor-server.ts), one step more per row, and answers 202.
 */
async function measureFloor(url: string, utility: Utility, base: Buffer, photoDir: string): Promise<void> {
  const db = createDb(url, 2);
  await db.schema.createTable(FLOOR_TABLE, (t) => {
    t.bigIncrements('id');
    t.text('idempotency_key').unique();
    t.jsonb('fields').notNullable();
    t.text('photo_key');
  });
  const rows: Record<string, Record<string, string | number>> = {};
  try {
    for (const step of FLOOR_STEPS) {
      const { baseUrl, child } = await startServer(url, path.join(photoDir, `floor-${step}`), null, 'bench/intake-floor-server.ts', { FLOOR_STEPS: step });
      try {
        let accepted = 0;
        let refused = 0;
        const cpuBefore = cpuSecondsOf(child.pid!);
        const result = await loadReports(baseUrl, options.floorSeconds, utility, base, (status) => (status === 202 ? accepted++ : refused++));
        const cpu = cpuSecondsOf(child.pid!) - cpuBefore;
        rows[step] = {
          'accepted/s': fmt(accepted / options.floorSeconds),
          'p99 ms': result.latency.p99,
          errors: refused + result.errors + result.timeouts,
          'server CPU ms per report': accepted ? fmt((cpu * 1000) / accepted, 2) : '-',
          'server cores busy': fmt(cpu / options.floorSeconds, 2),
        };
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
  } finally {
    await db.destroy();
  }
  console.log(`\nThe floor of intake on this machine (${options.floorSeconds} s each, ${options.connections} connections, the same requests; each row adds a step: parse = multipart read only, store = + photo written with fsync, sniff = + header and sha256, journal = + one INSERT):`);
  console.table(rows);
}

async function main(): Promise<void> {
  await ensureDatabase(options.url, { fresh: true });
  const benchUrl = new URL(options.url);
  benchUrl.searchParams.set('application_name', BENCH_APPLICATION);
  const db = createDb(benchUrl.toString(), 4);
  await migrate(db);
  const utility = await addUtility(db, 'bench-intake');
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-bench-photos-'));
  const base = await basePhoto(options.width);
  const meta = await sharp(base).metadata();
  console.log(`Photo: ${meta.width} x ${meta.height} JPEG, ${Math.round(base.length / 1024)} KB, EXIF with GPS; load average ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}; ${os.cpus().length} cores`);

  if (options.floorOnly) {
    await measureFloor(options.url, utility, base, photoDir);
    await db.destroy();
    fs.rmSync(photoDir, { recursive: true, force: true });
    return;
  }
  if (options.floor) await measureFloor(options.url, utility, base, photoDir);

  if (options.profile) {
    // A utility of its own: the profile's reports are no server's to analyse (no queue runs here), so they stay out of the checks below.
    const profile = await profileStages(db, await addUtility(db, 'bench-intake-profile'), base, path.join(photoDir, 'profile'));
    console.log('\nWhere the time of one report goes (in-process, one at a time):');
    console.table(Object.fromEntries(profile.map(([k, v]) => [k, { time: v }])));
  }

  const profileDir = options.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-bench-cpuprof-')) : null;
  const journalAt = process.argv.includes('--journal-at') ? process.argv[process.argv.indexOf('--journal-at') + 1] : null;
  const { baseUrl, child } = await startServer(options.url, path.join(photoDir, 'server'), profileDir, 'server/main.ts', journalAt ? { INTAKE_JOURNAL_AT: journalAt } : {});
  const acknowledged: string[] = [];
  const tokens: string[] = [];
  const statuses = new Map<number, number>();
  const loadBefore = os.loadavg();
  const cpuBefore = cpuSecondsOf(child.pid!);
  const mainThreadBefore = cpuSecondsOf(child.pid!, child.pid!);
  const postgresBefore = await postgresCpuByBackend(db);
  const postgresWatch = watchPostgresCpu(db);
  const commitsBefore = await commitsOf(db);
  try {
    const result = await loadReports(baseUrl, options.seconds, utility, base, (status, body) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      // 201: a new ticket; 200: the report attached to an open ticket within 50 m (duplicates, issue 13): both acknowledged with a number.
      if (status === 201 || status === 200) acknowledged.push((JSON.parse(body) as { number: string }).number);
      // 202: journalled under load; its ticket is made just after (looked up below).
      if (status === 202) tokens.push((JSON.parse(body) as { token: string }).token);
    });
    const loadAfter = os.loadavg();
    const serverCpuSeconds = cpuSecondsOf(child.pid!) - cpuBefore;
    const mainThreadCpuSeconds = cpuSecondsOf(child.pid!, child.pid!) - mainThreadBefore;
    const postgresCpuSeconds = postgresCpuSince(postgresBefore, new Map(await postgresWatch.latest()));
    const commits = (await commitsOf(db)) - commitsBefore;
    const accepted = acknowledged.length + tokens.length;
    const errors = result.errors + result.timeouts + [...statuses].filter(([s]) => s !== 201 && s !== 200 && s !== 202).reduce((n, [, c]) => n + c, 0);

    // The journalled reports (202): wait for the journal to drain, then each token's ticket number.
    const journalPendingOf = async () => Number((await db('intake_journal').where({ utility_id: utility.id, state: 'pending' }).count<{ n: string }[]>({ n: '*' }))[0].n);
    const journalPendingAtEnd = await journalPendingOf();
    const journalStart = performance.now();
    let journalPending = journalPendingAtEnd;
    while (journalPending > 0 && performance.now() - journalStart < options.drainSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      journalPending = await journalPendingOf();
    }
    const journalSeconds = (performance.now() - journalStart) / 1000;
    let journalRefused = 0;
    let journalDone = 0;
    for (let i = 0; i < tokens.length; i += 1000) {
      const entries: { state: string; number: string | null }[] = await db('intake_journal')
        .where({ utility_id: utility.id })
        .whereIn('token', tokens.slice(i, i + 1000))
        .select('state', db.raw("response->>'number' as number"));
      for (const e of entries) {
        if (e.state === 'done' && e.number) {
          acknowledged.push(e.number);
          journalDone++;
        } else if (e.state === 'refused') journalRefused++;
      }
    }
    // A token with no row at all: acknowledged and lost.
    const journalUnfound = tokens.length - journalDone - journalRefused - journalPending;

    // Every acknowledged ticket, with its photo row and stored file.
    const rows: { number: string; stored_path: string | null }[] = [];
    for (let i = 0; i < acknowledged.length; i += 1000) {
      rows.push(
        ...(await db('tickets as t')
          .leftJoin('photos as p', 'p.ticket_id', 't.id')
          .where('t.utility_id', utility.id)
          .whereIn('t.number', acknowledged.slice(i, i + 1000))
          .select('t.number', 'p.stored_path')),
      );
    }
    const found = new Set(rows.map((r) => r.number));
    const withPhoto = rows.filter((r) => r.stored_path && fs.existsSync(path.join(photoDir, 'server', r.stored_path)));
    const missing = acknowledged.filter((n) => !found.has(n)).length + journalPending + Math.max(0, journalUnfound);
    // A ticket several reports were attached to is one number: counted once.
    const noPhoto = new Set(acknowledged).size - new Set(withPhoto.map((r) => r.number)).size;

    // The analyses the server queued after each acknowledgment: wait for the backlog to drain.
    const pendingOf = async () => Number((await db('photos').where({ utility_id: utility.id }).whereNull('analysed_at').count<{ n: string }[]>({ n: '*' }))[0].n);
    const pendingAtEnd = await pendingOf();
    const drainStart = performance.now();
    let pending = pendingAtEnd;
    while (pending > 0 && performance.now() - drainStart < options.drainSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      pending = await pendingOf();
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    // Everything a report cost, its analysis included: from the start of the load to the end of the drain.
    const serverCpuAllSeconds = cpuSecondsOf(child.pid!) - cpuBefore;
    const postgresCpuAllSeconds = postgresCpuSince(postgresBefore, await postgresWatch.latest());
    postgresWatch.stop();
    const analysedRows = await db('photos').where({ utility_id: utility.id }).whereNotNull('analysed_at').count<{ n: string }[]>({ n: '*' });
    const damaged = Number((await db('photos').where({ utility_id: utility.id, analysis_error: 'damaged' }).count<{ n: string }[]>({ n: '*' }))[0].n);

    const perSecond = accepted / options.seconds;
    const table = {
      'duration (s)': options.seconds,
      connections: options.connections,
      'photo (px, KB)': `${meta.width}x${meta.height}, ${Math.round(base.length / 1024)}`,
      'requests sent': result.requests.sent,
      'accepted (201 new + 200 attached + 202 journalled)': accepted,
      'of which attached to an open ticket (200)': statuses.get(200) ?? 0,
      'of which journalled (202; ticket made just after)': tokens.length,
      'journal pending when the load ended': journalPendingAtEnd,
      'journal drained after (s)': journalPending === 0 ? fmt(journalSeconds) : `not in ${options.drainSeconds} s (${journalPending} left)`,
      'journalled, then refused (outside the area, blocked, ...)': journalRefused,
      'accepted/s': fmt(perSecond),
      'latency p50 (ms)': result.latency.p50,
      'latency p90 (ms)': result.latency.p90,
      'latency p99 (ms)': result.latency.p99,
      'latency max (ms)': result.latency.max,
      'errors (not 200/201/202, socket, timeout)': errors,
      'server CPU per accepted report (ms)': accepted ? fmt((serverCpuSeconds * 1000) / accepted) : '-',
      'server CPU share (cores busy)': fmt(serverCpuSeconds / options.seconds, 2),
      // The event loop is one core at most: when it is busy all the time, its CPU per report sets the rate (1000 / ms).
      'server main thread CPU per accepted report (ms; the event loop)': accepted ? fmt((mainThreadCpuSeconds * 1000) / accepted, 2) : '-',
      'server main thread busy (share of one core)': fmt(mainThreadCpuSeconds / options.seconds, 2),
      'PostgreSQL CPU per accepted report (ms; this database\'s backends)': accepted ? fmt((postgresCpuSeconds * 1000) / accepted) : '-',
      'PostgreSQL CPU share (cores busy)': fmt(postgresCpuSeconds / options.seconds, 2),
      'server CPU per report, its analysis included (ms; load + drain)': accepted ? fmt((serverCpuAllSeconds * 1000) / accepted) : '-',
      'PostgreSQL CPU per report, its analysis included (ms; load + drain)': accepted ? fmt((postgresCpuAllSeconds * 1000) / accepted) : '-',
      'transactions committed per accepted report (each statement outside a transaction is one)': accepted ? fmt(commits / accepted, 1) : '-',
      statuses: [...statuses].map(([s, c]) => `${s}: ${c}`).join(', '),
      'acknowledged missing from the db': missing,
      'acknowledged without photo row or file': noPhoto,
      'photos pending analysis when the load ended': pendingAtEnd,
      'analysis backlog drained after (s)': pending === 0 ? fmt(drainSeconds) : `not in ${options.drainSeconds} s (${pending} left)`,
      'photos analysed / damaged': `${analysedRows[0].n} / ${damaged}`,
      'load average before (1/5/15 min)': loadBefore.map((v) => v.toFixed(2)).join(' '),
      'load average after (1/5/15 min)': loadAfter.map((v) => v.toFixed(2)).join(' '),
    };
    console.log('\nIntake under load (autocannon on loopback, the real server, THROTTLE=false):');
    console.table(Object.fromEntries(Object.entries(table).map(([k, v]) => [k, { value: v }])));
    const ok = perSecond >= options.targetPerSecond && result.latency.p99 < options.targetP99Ms && errors === 0 && missing === 0 && noPhoto === 0 && pending === 0 && journalRefused === 0;
    console.log(ok ? 'All targets met.' : `Target missed (>= ${options.targetPerSecond} accepted/s, p99 < ${options.targetP99Ms} ms, 0 errors, nothing lost, every photo analysed).`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    postgresWatch.stop();
    // Let the requests autocannon left in flight finish before the server stops.
    await new Promise((r) => setTimeout(r, 3000));
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    if (profileDir) printCpuProfile(profileDir);
    await db.destroy();
    fs.rmSync(photoDir, { recursive: true, force: true });
  }
}

await main();
