import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea, sharpPhoto, loginAs } from '../../support/db.js';
import { sweepOrphanPhotos } from '../../../server/features/tickets/photos.service.js';

const t = useTestServer();

const files = (root: string) => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort() : []);

describe('orphan photo sweep (npm run photos:sweep)', () => {
  it('deletes stored files no photo row names once older than an hour, and keeps every referenced photo with its copies', async () => {
    const root = t.env.ctx.config.photoDir;
    const body = new FormData();
    const fields = { jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-5550-7788', description: 'Pipa bocor', category: 'visible_leak' };
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('photo', new Blob([new Uint8Array(await sharpPhoto())], { type: 'image/jpeg' }), 'leak.jpg');
    const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body });
    expect(res.status).toBe(201);
    const { number } = (await res.json()) as { number: string };
    const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
    const photo = await t.env.db('photos').where({ ticket_id: ticket.id }).first();
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'operator');
    for (const size of ['full', 'thumb']) {
      expect((await fetch(`${t.server.baseUrl}/api/v1/tickets/${ticket.id}/photos/${photo.id}?size=${size}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    }

    const orphanKey = (ext: string) => {
      const sha = crypto.randomBytes(32).toString('hex');
      return `${sha.slice(0, 2)}/${sha}.${ext}`;
    };
    const oldOrphan = orphanKey('jpg');
    const youngOrphan = orphanKey('png');
    for (const key of [oldOrphan, `${oldOrphan}.w320.jpg`, youngOrphan]) await t.env.ctx.photos.backend.put(key, Buffer.from('orphan'));
    const crashedWrite = `${photo.stored_path}.4242.deadbeef.tmp`;
    fs.writeFileSync(path.join(root, crashedWrite), 'half');
    const notOurs = 'README.txt';
    fs.writeFileSync(path.join(root, notOurs), 'someone else');

    const now = new Date();
    t.env.clock.set(now);
    const twoHoursAgo = new Date(now.getTime() - 2 * 3600_000);
    const referenced = files(root).filter((f) => f.startsWith(photo.stored_path) && !f.endsWith('.tmp'));
    expect(referenced).toHaveLength(3); // original, served copy, thumbnail
    for (const f of [...referenced, oldOrphan, `${oldOrphan}.w320.jpg`, crashedWrite, notOurs]) fs.utimesSync(path.join(root, f), twoHoursAgo, twoHoursAgo);
    fs.utimesSync(path.join(root, youngOrphan), now, now); // file times from the test's clock, not the kernel's

    const { deleted } = await sweepOrphanPhotos(t.env.ctx);
    expect(deleted.sort()).toEqual([crashedWrite, oldOrphan, `${oldOrphan}.w320.jpg`].sort());
    expect(files(root)).toEqual([...referenced, youngOrphan, notOurs].sort());

    // Once the ticket is gone, its photo is an orphan too.
    await t.env.db('photos').where({ id: photo.id }).delete();
    const second = await sweepOrphanPhotos(t.env.ctx);
    expect(second.deleted.sort()).toEqual(referenced);
  });
});
