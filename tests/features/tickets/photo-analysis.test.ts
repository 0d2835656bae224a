/**
 * Photos are analysed after the acknowledgment (issue 11, intake throughput):
 * the request sniffs the header and stores the original; blur score, EXIF and
 * thumbnail follow on the imaging threads. The pending row is the durable
 * marker: a photo acknowledged by a process that died before analysing it is
 * picked up by the worker once the writer's lease has run out.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blurredPhoto, insideArea, photosAnalysed, sharpPhoto, useTestServer } from '../../support/db.js';
import { submitReport } from '../../../server/features/tickets/intake.service.js';
import { analysePendingPhotos, ANALYSIS_LEASE_SECONDS } from '../../../server/features/tickets/photo-analysis.service.js';
import { runTick } from '../../../server/worker.js';
import { PhotoStore } from '../../../server/platform/storage/photos.js';

const t = useTestServer();

const photoOf = async (number: string) => {
  const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
  return { ticket, photo: await t.env.db('photos').where({ ticket_id: ticket.id }).first() };
};

describe('photo analysis after the acknowledgment', () => {
  it('a report acknowledged by a process that died before analysing its photo: the worker analyses it once the lease ran out', async () => {
    // The service alone, as a process that wrote the report and was killed: no analysis queue runs for its store.
    const receipt = await submitReport({ ...t.env.ctx, photos: new PhotoStore(t.env.ctx.photos.backend) }, t.env.utility, {
      ...insideArea,
      phone: '0812-7000-1111',
      source: 'app',
      photo: await blurredPhoto(),
    });
    expect(receipt.photoAnalysing).toBe(true);
    let { ticket, photo } = await photoOf(receipt.number);
    expect(photo.analysed_at).toBeNull();
    expect(photo.blur_score).toBeNull();
    expect(ticket.photo_blurred).toBeNull();

    // Within the writer's lease the worker leaves it alone (the writer may still be at it).
    let report = await runTick(t.env.ctx, { utilityIds: [t.env.utility.id] });
    expect(report.photos.analysed).toBe(0);
    expect((await photoOf(receipt.number)).photo.analysed_at).toBeNull();

    t.env.clock.advanceMinutes(ANALYSIS_LEASE_SECONDS / 60 + 1);
    report = await runTick(t.env.ctx, { utilityIds: [t.env.utility.id] });
    expect(report.photos.analysed).toBe(1);
    ({ ticket, photo } = await photoOf(receipt.number));
    expect(photo.analysed_at).not.toBeNull();
    expect(photo.blur_score).toBeLessThan(t.env.utility.settings.blurThreshold);
    expect(ticket.photo_blurred).toBe(true);
    // The thumbnail was made by the analysis, beside the original.
    const thumb = path.join(t.env.ctx.config.photoDir, `${photo.stored_path}.w320.jpg`);
    expect(fs.existsSync(thumb)).toBe(true);
    expect((await sharp(fs.readFileSync(thumb)).metadata()).width).toBeLessThanOrEqual(320);
    // Once only: a second tick finds nothing.
    expect((await runTick(t.env.ctx, { utilityIds: [t.env.utility.id] })).photos.analysed).toBe(0);
  });

  it('a pending photo whose original is not in this store is left leased, not claimed again in a loop', async () => {
    const receipt = await submitReport({ ...t.env.ctx, photos: new PhotoStore(t.env.ctx.photos.backend) }, t.env.utility, {
      ...insideArea,
      phone: '0812-7000-4444',
      source: 'app',
      photo: await sharpPhoto(44),
    });
    const { photo } = await photoOf(receipt.number);
    fs.rmSync(path.join(t.env.ctx.config.photoDir, photo.stored_path));
    t.env.clock.advanceMinutes(ANALYSIS_LEASE_SECONDS / 60 + 1);
    const counts = await analysePendingPhotos(t.env.ctx, { utilityIds: [t.env.utility.id] });
    expect(counts).toEqual({ analysed: 0, damaged: 0, skipped: 1 });
    const after = (await photoOf(receipt.number)).photo;
    expect(after.analysed_at).toBeNull();
    expect(after.analysis_lease_until.getTime()).toBeGreaterThan(t.env.clock.now().getTime());
    // Tried again once the lease has run out.
    t.env.clock.advanceMinutes(ANALYSIS_LEASE_SECONDS / 60 + 1);
    expect((await analysePendingPhotos(t.env.ctx, { utilityIds: [t.env.utility.id] })).skipped).toBe(1);
    await t.env.db('photos').where({ id: photo.id }).delete();
  });

  it('a photo whose header reads but whose pixels do not is acknowledged, then marked damaged and counted as blurred; a cut-short file is refused at once', async () => {
    const good = await sharpPhoto(42);
    // The header and the end-of-image marker kept, the entropy-coded data in between garbled.
    const damaged = Buffer.from(good);
    const sos = damaged.indexOf(Buffer.from([0xff, 0xda]));
    for (let i = sos + 20; i < damaged.length - 2; i++) damaged[i] = 0xff;
    const send = async (bytes: Buffer) => {
      const body = new FormData();
      for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-7000-2222' })) body.set(k, v);
      body.set('photo', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'leak.jpg');
      const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body });
      return { status: res.status, body: (await res.json()) as any };
    };
    const accepted = await send(damaged);
    expect(accepted.status).toBe(201);
    await photosAnalysed(t.env);
    const { ticket, photo } = await photoOf(accepted.body.number);
    expect(photo.analysis_error).toBe('damaged');
    expect(photo.blur_score).toBeNull();
    expect(photo.analysed_at).not.toBeNull();
    expect(ticket.photo_blurred).toBe(true);

    const cut = await send(good.subarray(0, Math.floor(good.length / 2)));
    expect(cut.status).toBe(415);
    expect(cut.body.error.code).toBe('PHOTO_NOT_IMAGE');
    expect(cut.body.error.field).toBe('photo');
  });

  it('the queue and the ticket list: "analysing" until done, then the blur flag', async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries({ jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-7000-3333' })) body.set(k, v);
    body.set('photo', new Blob([new Uint8Array(await sharpPhoto(43))], { type: 'image/jpeg' }), 'leak.jpg');
    const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as { number: string; photoAnalysing: boolean; photoBlurred: boolean | null };
    expect(receipt).toMatchObject({ photoAnalysing: true, photoBlurred: null });
    const { loginAs } = await import('../../support/db.js');
    const admin = await loginAs(t.server.baseUrl, t.env.utility, 'admin');
    const listed = async () => {
      const page = (await (await fetch(`${t.server.baseUrl}/api/v1/tickets?number=${receipt.number}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as any;
      return page.items[0] as { photoAnalysing: boolean; photoBlurred: boolean | null };
    };
    await photosAnalysed(t.env);
    // Pending again, as in the moment before the analysis: the list says so.
    const { photo } = await photoOf(receipt.number);
    await t.env.db('photos').where({ id: photo.id }).update({ analysed_at: null });
    expect(await listed()).toMatchObject({ photoAnalysing: true });
    await t.env.db('photos').where({ id: photo.id }).update({ analysed_at: photo.analysed_at });
    expect(await listed()).toMatchObject({ photoAnalysing: false, photoBlurred: false });
  });
});
