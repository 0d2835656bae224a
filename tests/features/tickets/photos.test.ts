import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import { useTestServer, insideArea, sharpPhoto, photoWithExif, loginAs } from '../../support/db.js';

const t = useTestServer();

async function report(photo: Buffer, type = 'image/jpeg', filename = 'leak.jpg') {
  const body = new FormData();
  const fields = { jurisdiction_id: t.env.utility.code, lat: String(insideArea.lat), lon: String(insideArea.lon), phone: '0812-5550-1234', name: 'Andi', description: 'Pipa bocor', category: 'visible_leak' };
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('photo', new Blob([new Uint8Array(photo)], { type }), filename);
  const res = await fetch(`${t.server.baseUrl}/api/v1/reports`, { method: 'POST', body });
  return { status: res.status, body: (await res.json()) as any };
}

async function reportedPhoto(photo: Buffer) {
  const { status, body } = await report(photo);
  expect(status).toBe(201);
  const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number: body.number }).first();
  const row = await t.env.db('photos').where({ ticket_id: ticket.id }).first();
  return { ticketId: ticket.id as number, photoId: row.id as number, storedPath: row.stored_path as string };
}

async function get(url: string, token: string) {
  const res = await fetch(`${t.server.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes, json: () => JSON.parse(bytes.toString('utf8')) };
}

/** A PNG whose header says width x height, with a few bytes of pixels: decoding it would inflate to width x height. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64 * 1024))), chunk('IEND', Buffer.alloc(0))]);
}

describe('GET /api/v1/tickets/:id/photos/:photoId', () => {
  it('answers 404 and logs when the stored file is gone, and the server keeps answering', async () => {
    const { ticketId, photoId, storedPath } = await reportedPhoto(await sharpPhoto());
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'operator');
    fs.rmSync(path.join(t.env.ctx.config.photoDir, storedPath));
    for (const size of ['full', 'thumb', 'original']) {
      const who = size === 'original' ? await loginAs(t.server.baseUrl, t.env.utility, 'admin') : token;
      const res = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}?size=${size}`, who);
      expect(res.status, size).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    // The whole server is still there (before, the unhandled stream error ended the process).
    expect((await fetch(`${t.server.baseUrl}/healthz`)).status).toBe(200);
    expect((await get(`/api/v1/tickets/${ticketId}`, token)).status).toBe(200);
  });

  it('serves the full-size photo without EXIF (GPS, Make, Artist) and the original with it to an admin only', async () => {
    const upload = await sharp(await photoWithExif({ latDms: [5, 9, 0], latRef: 'S', lonDms: [119, 25, 12], lonRef: 'E' }, '2026:11:20 09:15:00'))
      .withExifMerge({ IFD0: { Make: 'PhoneCo', Artist: 'Andi Saputra' } })
      .jpeg()
      .toBuffer();
    expect((await exifr.gps(upload))?.latitude).toBeCloseTo(-5.15, 2);
    const { ticketId, photoId } = await reportedPhoto(upload);
    const operator = await loginAs(t.server.baseUrl, t.env.utility, 'operator');
    const admin = await loginAs(t.server.baseUrl, t.env.utility, 'admin');

    const full = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}`, operator);
    expect(full.status).toBe(200);
    expect(full.type).toBe('image/jpeg');
    expect(full.bytes.equals(upload)).toBe(false);
    const meta = await sharp(full.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([160, 120]);
    expect(meta.exif).toBeUndefined();
    expect(await exifr.parse(full.bytes).catch(() => undefined)).toBeUndefined();
    expect(full.bytes.includes(Buffer.from('Andi Saputra'))).toBe(false);
    expect(full.bytes.includes(Buffer.from('PhoneCo'))).toBe(false);
    // The second answer comes from the kept copy, the same bytes.
    expect((await get(`/api/v1/tickets/${ticketId}/photos/${photoId}?size=full`, operator)).bytes.equals(full.bytes)).toBe(true);

    const thumb = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}?size=thumb`, operator);
    expect(thumb.status).toBe(200);
    expect((await sharp(thumb.bytes).metadata()).exif).toBeUndefined();

    const refused = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}?size=original`, operator);
    expect(refused.status).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    const original = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}?size=original`, admin);
    expect(original.status).toBe(200);
    expect(original.bytes.equals(upload)).toBe(true);

    const bad = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}?size=huge`, operator);
    expect(bad.status).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('applies the EXIF orientation before dropping it', async () => {
    const upload = await sharp(await sharpPhoto()).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const { ticketId, photoId } = await reportedPhoto(upload);
    const token = await loginAs(t.server.baseUrl, t.env.utility, 'operator');
    const full = await get(`/api/v1/tickets/${ticketId}/photos/${photoId}`, token);
    const meta = await sharp(full.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([120, 160]);
    expect(meta.orientation).toBeUndefined();
  });
});

describe('photo intake limits and formats', () => {
  it('refuses a small PNG that would decode to 16,000 x 16,000 pixels with 413 PHOTO_TOO_LARGE, storing nothing', async () => {
    const png = pngClaiming(16_000, 16_000);
    expect(png.length).toBeLessThan(1024 * 1024);
    const before = await t.env.db('photos').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' });
    const { status, body } = await report(png, 'image/png', 'big.png');
    expect(status).toBe(413);
    expect(body.error.code).toBe('PHOTO_TOO_LARGE');
    expect(body.error.message).toMatch(/16000 x 16000 pixels; at most 40 megapixels/);
    const after = await t.env.db('photos').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' });
    expect(after[0].count).toBe(before[0].count);
  });

  it('accepts AVIF, the HEIF image the server can decode', async () => {
    const avif = await sharp(await sharpPhoto()).avif().toBuffer();
    const { status } = await report(avif, 'image/avif', 'leak.avif');
    expect(status).toBe(201);
  });

  it('no longer advertises HEIC, which sharp\'s libvips cannot decode (no HEVC)', async () => {
    expect(sharp.format.heif.input.fileSuffix).not.toContain('.heic');
    const doc = await (await fetch(`${t.server.baseUrl}/api/v1/openapi.json`)).text();
    expect(doc).not.toMatch(/WebP or HEIC/);
    expect(doc).toContain('JPEG, PNG, WebP or AVIF');
    // The console's file inputs name the types, so iOS converts HEIC to JPEG before upload.
    for (const page of ['web/src/pages/report.ts', 'web/src/pages/route.ts']) {
      const source = fs.readFileSync(page, 'utf8');
      expect(source, page).toContain("accept: 'image/jpeg,image/png,image/webp,image/avif'");
      expect(source, page).not.toContain("accept: 'image/*'");
    }
  });

  it('refuses a HEIF file with HEVC inside (an iPhone HEIC) with 415 PHOTO_NOT_IMAGE, storing nothing', async () => {
    // No HEVC encoder here either: an AVIF whose item type is rewritten to HEVC ('hvc1'), which libheif cannot take.
    const heic = await sharp(await sharpPhoto()).heif({ compression: 'av1' }).toBuffer();
    const asHevc = Buffer.from(heic);
    const at = asHevc.indexOf('av01');
    expect(at).toBeGreaterThan(0);
    asHevc.write('hvc1', at, 'ascii');
    const count = async () => Number((await t.env.db('photos').where({ utility_id: t.env.utility.id }).count<{ count: string }[]>({ count: '*' }))[0].count);
    const before = await count();
    const { status, body } = await report(asHevc, 'image/heic', 'IMG_0001.HEIC');
    expect(status).toBe(415);
    expect(body.error.code).toBe('PHOTO_NOT_IMAGE');
    expect(body.error.message).toContain('JPEG, PNG, WebP or AVIF');
    expect(await count()).toBe(before);
  });
});
