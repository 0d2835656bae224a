/**
 * The composition root: settings -> database -> app + worker. Run it directly
 * (`tsx server/main.ts`, `npm run serve`) for the bare service; `npm start` and
 * the Docker image run fixtures/start-demo.ts, which passes hooks that load
 * the demo data into an empty database. The server never imports fixtures/.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './platform/config.js';
import { createDb, migrate } from './platform/db/knex.js';
import { logger } from './platform/log.js';
import { createApp } from './app.js';
import { photoStoreFor } from './platform/storage/photos.js';
import type { AppContext } from './platform/context.js';
import { startWorker, type Worker } from './worker.js';
import { configureImagingPool, imagingPool } from './platform/imaging/pool.js';
import { analysePendingPhotos, stopPhotoAnalysis } from './features/tickets/photo-analysis.service.js';
import { drainJournal, stopJournalDrain } from './features/tickets/journal.service.js';

export interface StartHooks {
  /** After the migrations, before the server listens (e.g. seed an empty database). Throw to refuse the start. */
  prepare?: (ctx: AppContext) => Promise<void>;
  /** Once the server listens at `url`. */
  listening?: (ctx: AppContext, url: string) => void;
}

/** Starts the service; stops the process with a plain message when the settings or the start fail. */
export async function runServer(hooks: StartHooks = {}): Promise<void> {
  try {
    await start(hooks);
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`\n${err.message}\n\n`);
    else logger.fatal({ err }, `Tirta Dispatch did not start: ${(err as Error).message}`);
    process.exit(1);
  }
}

async function start(hooks: StartHooks): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  logger.level = config.logLevel;
  const db = createDb(config.databaseUrl);
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, `Migrations applied: ${applied.join(', ')}`);

  const ctx: AppContext = { db, config, photos: photoStoreFor(config), now: () => new Date() };
  configureImagingPool(config.imageThreads);
  try {
    await hooks.prepare?.(ctx);
  } catch (err) {
    await db.destroy();
    throw err;
  }

  const server = http.createServer(createApp(ctx));
  let worker: Worker | null = null;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // SLA escalations, webhook deliveries and points, every SLA_CHECK_SECONDS; WORKER=false runs none here.
  if (config.worker) worker = startWorker(ctx, { intervalMs: config.slaCheckSeconds * 1000 });
  // Photos acknowledged but left unanalysed by a process that died (their lease ran out): analysed now, in the background.
  void analysePendingPhotos(ctx)
    .then((counts) => counts.analysed + counts.damaged > 0 && logger.info(counts, 'Photos left pending by an earlier process analysed'))
    .catch((err: unknown) => logger.warn({ err }, 'Analysing photos left pending failed; the worker tries again'));
  // Reports journalled (202) by a process that died before making their tickets (their lease ran out): made now.
  void drainJournal(ctx)
    .then((counts) => counts.done + counts.refused > 0 && logger.info(counts, 'Journalled reports left by an earlier process made into tickets'))
    .catch((err: unknown) => logger.warn({ err }, 'Draining the intake journal failed; the worker tries again'));
  const url = `http://localhost:${config.port}/`;
  logger.info({ url, worker: config.worker, startedMs: Date.now() - started }, `Tirta Dispatch is running at ${url}`);
  hooks.listening?.(ctx, url);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'Shutting down');
    server.close(
      () =>
        void (worker?.stop() ?? Promise.resolve())
          .then(() => stopJournalDrain(ctx))
          .then(() => stopPhotoAnalysis(ctx))
          .then(() => imagingPool().close())
          .then(() => db.destroy())
          .then(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) await runServer();
