import http from 'node:http';
import { loadConfig } from './platform/config.js';
import { createDb, migrate } from './platform/db/knex.js';
import { createApp } from './app.js';
import { PhotoStore } from './platform/storage/photos.js';
import type { AppContext } from './platform/context.js';
import { countUtilities } from './features/utilities/service.js';
import { accountsStillUsing } from './features/auth/startup.service.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../fixtures/seed.js';
import { startWorker, type Worker } from './worker.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  const applied = await migrate(db);
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);

  if (config.seedDemo && (await countUtilities(db)) === 0) {
    console.log('Empty database: loading the Makassar demo data (30 days, 150 reports a day, seed 42)…');
    const summary = await seedDemo(db, { days: 30, perDay: 150, seed: 42 });
    console.log(`Demo data loaded: ${summary.tickets} tickets, ${summary.crews} crews, ${summary.staff} accounts.`);
  }

  if (config.production) {
    const unsafe = await accountsStillUsing(db, DEMO_PASSWORD);
    if (unsafe.length) {
      console.error(`Refusing to start with NODE_ENV=production: these accounts still have the demo password: ${unsafe.map((a) => a.username).join(', ')}. Change them first.`);
      await db.destroy();
      process.exit(1);
    }
  }

  const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: () => new Date() };
  const app = createApp(ctx);
  const server = http.createServer(app);
  let worker: Worker | null = null;
  server.listen(config.port, config.host, () => {
    // SLA escalations, webhook deliveries and points: every SLA_CHECK_SECONDS (default 60); WORKER=false to run none here.
    if (process.env.WORKER !== 'false') worker = startWorker(ctx, { intervalMs: Number(process.env.SLA_CHECK_SECONDS ?? 60) * 1000 });
    const url = `http://localhost:${config.port}/`;
    console.log(`Tirta Dispatch is running at ${url} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (!config.production) {
      console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${demoLogins.join(', ')}`);
    }
  });

  const shutdown = () => {
    server.close(() => void (worker?.stop() ?? Promise.resolve()).then(() => db.destroy()).then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
