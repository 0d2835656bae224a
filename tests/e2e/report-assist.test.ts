import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/db.js';
import { loadMakassarPlaces } from '../support/places.js';
import { axeFindings, desktop, phone, useConsole } from '../support/browser.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);

beforeAll(async () => {
  await loadMakassarPlaces(t.env);
});

/** A 12 MP-ish camera photo (2400 x 1800, noise: sharp) taken at 5°8'43.44"S 119°24'37.44"E (Losari) at 08:15 local time. */
async function cameraPhoto(): Promise<Buffer> {
  const dms = (v: number[]) => v.map((x) => `${Math.round(x * 100)}/100`).join(' ');
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .withExif({
      IFD2: { DateTimeOriginal: '2026:11:23 08:15:00' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: dms([5, 8, 43.44]), GPSLongitudeRef: 'E', GPSLongitude: dms([119, 24, 37.44]) },
    })
    .jpeg({ quality: 85 })
    .toBuffer();
}

describe('the report form: place search from the keyboard, photo shrunk with its EXIF', { timeout: 240_000 }, () => {
  for (const [name, viewport, phoneNumber] of [['desktop', desktop, '0812 5151 0001'], ['phone', phone, '0812 5151 0002']] as const) {
    it(`sets the location by searching a kelurahan with the keyboard alone, and keeps the photo's EXIF position through the shrink (${name})`, async () => {
      t.env.clock.set('2026-11-23T01:00:00Z');
      const page = await newPage(viewport);
      await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/lapor`);
      await page.waitForSelector('#report-map canvas');
      // From the photo field, Tab reaches the search box; type, arrow down, Enter.
      await page.focus('#photo');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('place-search');
      await page.keyboard.type('losari');
      await page.waitForSelector('#place-search-list [role=option][data-name="Losari"]');
      expect(await page.getAttribute('#place-search', 'aria-expanded')).toBe('true');
      expect(await axeFindings(page)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      expect(await page.getAttribute('#place-search', 'aria-activedescendant')).toBe('place-search-list-0');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.textContent('#location-text')).toContain('Lokasi dipilih');
      expect(await page.getAttribute('#place-search', 'aria-expanded')).toBe('false');
      const lat = Number(await page.inputValue('input[name=lat]'));
      const lon = Number(await page.inputValue('input[name=lon]'));
      const inLosari = await t.env.db.raw("SELECT ST_Covers(area, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) AS ok FROM places WHERE utility_id = ? AND name = 'Losari'", [lon, lat, t.env.utility.id]);
      expect(inLosari.rows[0].ok).toBe(true);

      const original = await cameraPhoto();
      await page.setInputFiles('#photo', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original });
      await page.fill('#phone', phoneNumber);
      await page.focus('#send');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#receipt-number');
      const number = (await page.textContent('#receipt-number'))!.trim();
      const ticket = await t.env.db('tickets').where({ utility_id: t.env.utility.id, number }).first();
      const photo = await t.env.db('photos').where({ ticket_id: ticket.id, kind: 'report' }).first();
      // Shrunk on the phone (1600 px on the long side), and still carrying where and when it was taken.
      expect([photo.width, photo.height]).toEqual([1600, 1200]);
      expect(photo.size_bytes ?? Number.MAX_SAFE_INTEGER).toBeLessThan(original.length);
      await expect.poll(async () => (await t.env.db('photos').where({ id: photo.id }).first()).exif_taken_at, { timeout: 60_000 }).not.toBeNull();
      const exif = (await t.env.db.raw('SELECT ST_Y(exif_location::geometry) AS lat, ST_X(exif_location::geometry) AS lon FROM photos WHERE id = ?', [photo.id])).rows[0];
      expect(exif.lat).toBeCloseTo(-5.1454, 3);
      expect(exif.lon).toBeCloseTo(119.4104, 3);
      await page.close();

      // The ticket page draws the EXIF point beside the reported one, with the distance.
      const staff = await newPage(desktop);
      await login(staff, 'admin');
      await staff.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/tiket/${ticket.id}`);
      await staff.waitForSelector('#photos .exif-distance');
      await expect.poll(() => staff.textContent('#photos .exif-distance')).toMatch(/Posisi foto \(EXIF\): -5\.145\d+, 119\.410\d+ · \d+ m dari titik laporan/);
      await staff.evaluate(() => localStorage.clear());
      await staff.close();
    });
  }
});
