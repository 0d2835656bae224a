/**
 * The floor of intake on this machine (npm run bench:intake -- --floor): a
 * server that does only the first steps of a report, started by
 * bench/intake.ts as a child process and loaded with the same requests.
 * FLOOR_STEPS says how far it goes, each step on top of the last:
 *
 *   parse    the multipart body read into memory by the app's own multer set-up, then 202
 *   store    + the photo written through the app's PhotoStore (temp file, fsync, rename)
 *   sniff    + the photo's header and sha256 (the request path's sniffPhoto), before the write
 *   journal  + one INSERT of the fields into a table (one statement, its own commit)
 *
 * No checks, no ticket, no analysis: what no intake that keeps the photo can go below.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createDb } from '../server/platform/db/knex.js';
import { PhotoStore, sniffPhoto } from '../server/platform/storage/photos.js';
import { uploadPhoto } from '../server/features/tickets/intake.routes.js';
import { loadConfig } from '../server/platform/config.js';
import type { AppContext } from '../server/platform/context.js';

export const FLOOR_STEPS = ['parse', 'store', 'sniff', 'journal'] as const;
export type FloorStep = (typeof FLOOR_STEPS)[number];
export const FLOOR_TABLE = 'bench_intake_floor';

/** Started as a script (bench/intake.ts spawns it); imported for its constants, it does nothing. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) serve();

function serve(): void {
  const step = FLOOR_STEPS.indexOf((process.env.FLOOR_STEPS ?? 'journal') as FloorStep);
  const config = loadConfig({ NODE_ENV: 'production' });
  const db = step >= FLOOR_STEPS.indexOf('journal') ? createDb(process.env.DATABASE_URL!) : null;
  const photoDir = process.env.PHOTO_DIR!;
  fs.mkdirSync(photoDir, { recursive: true });
  const store = new PhotoStore(photoDir);
  let sequence = 0;

  const app = express();
  app.post('/api/v1/reports', uploadPhoto({ config } as AppContext), async (req, res) => {
    const photo = req.file?.buffer;
    if (!photo) return void res.status(400).json({ error: 'no photo' });
    let key: string | null = null;
    if (step >= FLOOR_STEPS.indexOf('store')) {
      const header = step >= FLOOR_STEPS.indexOf('sniff') ? await sniffPhoto(photo) : { sha256: crypto.randomBytes(32).toString('hex'), extension: 'jpg', mimeType: 'image/jpeg' };
      key = await store.save(photo, header);
    }
    const id = db ? (await db(FLOOR_TABLE).insert({ idempotency_key: req.get('idempotency-key') ?? null, fields: req.body, photo_key: key }).returning('id'))[0].id : ++sequence;
    res.status(202).json({ token: String(id) });
  });
  app.get('/readyz', (_req, res) => void res.json({ ready: true }));
  app.listen(Number(process.env.PORT), '127.0.0.1');
}
