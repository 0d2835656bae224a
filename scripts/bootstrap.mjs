#!/usr/bin/env node
// Sets up everything the service needs on a fresh Debian machine, then runs it.
//
//   node scripts/bootstrap.mjs start            npm start: the service with the Makassar demo data
//   node scripts/bootstrap.mjs test [args]      npm test: type check, lint, every test, on a fresh test database
//   node scripts/bootstrap.mjs seed [args]      npm run seed: regenerate the demo data
//   node scripts/bootstrap.mjs migrate          apply sql/ migrations only
//   node scripts/bootstrap.mjs passwd USER      set a staff password (read from stdin)
//   node scripts/bootstrap.mjs apikey create N  an Open311 API key (printed once); also list, revoke N
//   node scripts/bootstrap.mjs utility create --name N --code C   a utility and its first admin (password printed once); also list
//   node scripts/bootstrap.mjs roads-import FILE --utility C  npm run roads:import: an OpenStreetMap extract as the utility's road network
//   node scripts/bootstrap.mjs env              print the DATABASE_URL it would use
//
// Database, in this order: $DATABASE_URL as given (nothing is installed);
// else a PostgreSQL answering on 127.0.0.1:5432 as user postgres; else a private
// cluster under .data/ started with the installed binaries (installed from
// Debian when missing). PostGIS (and pgRouting, optional) is installed from
// Debian when the server lacks it. Plain Node with no dependencies: it runs before `npm ci`.

import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.data');
const PRIVATE_PORT = Number(process.env.TIRTA_PG_PORT ?? 54329);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = fs.existsSync('/usr/bin/apt-get');

const [command = 'start', ...rest] = process.argv.slice(2);
const passArgs = rest[0] === '--' ? rest.slice(1) : rest;

function log(message) {
  console.log(`[setup] ${message}`);
}

function fail(message) {
  console.error(`\n[setup] ${message}\n`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function aptInstall(packages, why) {
  const line = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (!isRoot || !hasApt) {
    fail(`${why}\nInstall it, then run the command again:\n\n    sudo sh -c '${line}'\n\nor set DATABASE_URL to a PostgreSQL 15+ server with PostGIS 3.`);
  }
  log(`${why} Installing from Debian: ${packages.join(' ')} (one time)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) fail(`apt-get update failed. Run by hand: ${line}`);
  if (run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env }) !== 0) fail(`Installing ${packages.join(' ')} failed. Run by hand: ${line}`);
}

// ---------------------------------------------------------------- npm packages
function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const stale = !fs.existsSync(installed) || fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs + 1000;
  if (!stale) return;
  log('Installing npm packages (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']) !== 0) fail('npm ci failed; see the messages above.');
}

// ---------------------------------------------------------------- PostgreSQL
function portOpen(port, host = '127.0.0.1', timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function tryConnect(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch (err) {
    await client.end().catch(() => {});
    return { error: err };
  }
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function databaseOf(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

function installedPostgresBin() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? { version: versions[0], bin: path.join(base, versions[0], 'bin') } : null;
}

/** Runs a PostgreSQL binary as the postgres user when we are root (initdb refuses root). */
function asPostgres(bin, args) {
  if (isRoot) return run('runuser', ['-u', 'postgres', '--', bin, ...args]);
  return run(bin, args);
}

function privateClusterDir() {
  const preferred = path.join(dataDir, 'pg');
  if (!isRoot) return preferred;
  // The postgres user must be able to reach the directory (a clone under /root is not reachable).
  fs.mkdirSync(dataDir, { recursive: true });
  const reachable = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dataDir]).status === 0;
  if (reachable) return preferred;
  const hash = Buffer.from(root).toString('base64url').slice(-24);
  const fallback = path.join('/var/lib/tirta-dispatch', hash, 'pg');
  log(`The postgres user cannot reach ${dataDir}; keeping the private cluster in ${fallback}.`);
  fs.mkdirSync(path.dirname(fallback), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'pg-location'), fallback + '\n');
  return fallback;
}

async function startPrivateCluster() {
  let pgInstall = installedPostgresBin();
  if (!pgInstall) {
    aptInstall(['postgresql-15', 'postgresql-15-postgis-3', 'postgresql-15-pgrouting'], 'No PostgreSQL server is running or installed.');
    pgInstall = installedPostgresBin();
    if (!pgInstall) fail('PostgreSQL was installed but initdb was not found under /usr/lib/postgresql.');
  }
  const dir = privateClusterDir();
  const url = `postgres://postgres@127.0.0.1:${PRIVATE_PORT}/postgres`;
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`Creating a private PostgreSQL ${pgInstall.version} cluster in ${dir} (port ${PRIVATE_PORT})…`);
    fs.mkdirSync(dir, { recursive: true });
    if (isRoot) run('chown', ['-R', 'postgres:postgres', path.dirname(dir)]);
    if (asPostgres(path.join(pgInstall.bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']) !== 0) {
      fail(`initdb failed for ${dir}.`);
    }
  }
  if (!(await portOpen(PRIVATE_PORT))) {
    log(`Starting the private PostgreSQL cluster on port ${PRIVATE_PORT}…`);
    const options = `-p ${PRIVATE_PORT} -c listen_addresses=127.0.0.1 -k /tmp`;
    if (asPostgres(path.join(pgInstall.bin, 'pg_ctl'), ['-D', dir, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start']) !== 0) {
      fail(`The private PostgreSQL cluster did not start; see ${path.join(dir, 'server.log')}.`);
    }
  }
  return url;
}

/** A server URL (any database) we can connect to as a superuser-ish role. */
async function findServer() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, managed: false };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  // TIRTA_LOCAL_PG=off skips the shared server (to exercise the private cluster).
  if (process.env.TIRTA_LOCAL_PG !== 'off' && (await portOpen(5432))) {
    const client = await tryConnect(local);
    if (!client.error) {
      await client.end();
      return { url: local, managed: true };
    }
    log(`A PostgreSQL on 127.0.0.1:5432 refused us (${client.error.message}); using a private cluster instead.`);
  }
  return { url: await startPrivateCluster(), managed: true };
}

async function ensurePostgis(serverUrl, managed) {
  const client = await tryConnect(serverUrl);
  if (client.error) fail(`Cannot connect to ${serverUrl}: ${client.error.message}`);
  const { rows } = await client.query("SELECT current_setting('server_version_num')::int / 10000 AS major, EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS has_postgis, EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting') AS has_pgrouting");
  await client.end();
  const { major, has_postgis: hasPostgis, has_pgrouting: hasPgrouting } = rows[0];
  if (hasPostgis && hasPgrouting) return;
  const missing = [hasPostgis ? null : `postgresql-${major}-postgis-3`, hasPgrouting ? null : `postgresql-${major}-pgrouting`].filter(Boolean);
  if (!managed) {
    if (!hasPostgis) fail(`The server in DATABASE_URL has no PostGIS. Install postgresql-${major}-postgis-3 on it.`);
    log(`The server in DATABASE_URL has no pgRouting (optional: the road benchmark and its tests compare against it). Install postgresql-${major}-pgrouting on it.`);
    return;
  }
  if (hasPostgis && (!isRoot || !hasApt)) {
    log(`PostgreSQL ${major} has no pgRouting (optional: the road benchmark and its tests compare against it). To add it: sudo apt-get install postgresql-${major}-pgrouting`);
    return;
  }
  aptInstall(missing, `PostgreSQL ${major} lacks ${missing.join(' and ')}.`);
}

async function ensureDatabase(serverUrl, name, { fresh }) {
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const admin = await tryConnect(adminUrl);
  if (!admin.error) {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      log(`Creating database ${name}…`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const client = await tryConnect(url);
  if (client.error) fail(`Cannot connect to database ${name}: ${client.error.message}`);
  await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  // pgRouting is optional (the app searches roads in memory); the road benchmark and tests compare against it.
  const { rows } = await client.query("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgrouting') AS available");
  if (rows[0].available) await client.query('CREATE EXTENSION IF NOT EXISTS pgrouting');
  await client.end();
  return url;
}

async function databaseUrlFor(purpose) {
  const server = await findServer();
  await ensurePostgis(server.url, server.managed);
  if (purpose === 'test') {
    if (process.env.TEST_DATABASE_URL) return ensureDatabase(process.env.TEST_DATABASE_URL, databaseOf(process.env.TEST_DATABASE_URL), { fresh: true });
    const base = server.managed ? 'tirta' : databaseOf(server.url);
    // TIRTA_TEST_DB lets several people test on one server without clobbering each other.
    return ensureDatabase(server.url, process.env.TIRTA_TEST_DB ?? `${base}_test`, { fresh: true });
  }
  const name = server.managed ? 'tirta' : databaseOf(server.url);
  return ensureDatabase(server.url, name, { fresh: false });
}

// ---------------------------------------------------------------- browser
function ensureChromium() {
  if (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  aptInstall(['chromium', 'fonts-dejavu-core'], 'The browser tests need Chromium.');
  return '/usr/bin/chromium';
}

// ---------------------------------------------------------------- web console
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds web/ into web/dist with Vite when the build is missing or older than its sources. */
function ensureWebBuild() {
  const index = path.join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'web')), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log('Building the web console (vite build)…');
  if (run(bin('vite'), ['build', '--logLevel', 'warn']) !== 0) fail('The web console did not build; see the errors above.');
}

// ---------------------------------------------------------------- main
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command with our environment added; `onExit` may print before we exit with its code. */
function exec(cmd, args, env, onExit = () => {}) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    onExit();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/** The TypeScript entry point of each command that needs the run database. */
const scripts = { start: 'fixtures/start-demo.ts', seed: 'fixtures/cli.ts', passwd: 'server/cli/passwd.ts', migrate: 'server/cli/migrate.ts', apikey: 'server/cli/apikey.ts', utility: 'server/cli/utility.ts', 'photos-sweep': 'server/cli/photos-sweep.ts', 'roads-import': 'server/cli/roads-import.ts' };

ensureNodeModules();
if (command in scripts) {
  if (command === 'start') ensureWebBuild();
  const url = await databaseUrlFor('run');
  exec(bin('tsx'), [scripts[command], ...passArgs], { DATABASE_URL: url });
} else if (command === 'test') {
  ensureWebBuild();
  const url = await databaseUrlFor('test');
  const chromium = ensureChromium();
  if (passArgs.length === 0) {
    log('Type-checking (tsc --noEmit)…');
    if (run(bin('tsc'), ['--noEmit']) !== 0) fail('The type check failed; see the errors above.');
    log('Linting (eslint .: import boundaries, no SQL outside repositories, pure core)…');
    if (run(bin('eslint'), ['.']) !== 0) fail('The lint failed (eslint . with eslint.config.js): fix the problems listed above; npm run lint shows them again.');
  }
  const photoDir = path.join(dataDir, `test-photos-${databaseOf(url)}`);
  fs.rmSync(photoDir, { recursive: true, force: true });
  const report = path.join(dataDir, `vitest-${databaseOf(url)}.json`);
  fs.rmSync(report, { force: true });
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...passArgs];
  exec(bin('vitest'), args, { DATABASE_URL: url, CHROMIUM_PATH: chromium, PHOTO_DIR: photoDir, NODE_ENV: 'test' }, () => {
    // A plain closing line that any CI can read, whatever the reporter prints.
    try {
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      console.log(`\nvitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
    } catch {
      console.log('\nvitest: no result file was written');
    }
  });
} else if (command === 'env') {
  console.log(`DATABASE_URL=${await databaseUrlFor('run')}`);
} else {
  fail(`Unknown command "${command}". Use start, test, seed, passwd, apikey, utility, roads-import, migrate, photos-sweep or env.`);
}
