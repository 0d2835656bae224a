/**
 * Issue 15: the admin's #/atur-wilayah page in Chromium: a GeoJSON file is
 * previewed on the map with its problems named per feature (nothing saved),
 * a good one saved; a region drawn by hand on the map saved through the same
 * checks; on a phone, the same preview.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestServer, testArea } from '../support/db.js';
import { desktop, phone, useConsole } from '../support/browser.js';
import { shapefileZip } from '../support/shapefile.js';

const t = useTestServer({ crews: 1 });
const { newPage, login } = useConsole(t);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tirta-geo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const { minLon, minLat, maxLon, maxLat } = testArea;
const lonAt = (f: number) => minLon + (maxLon - minLon) * f;
const box = (fx0: number, fx1: number) => [[[lonAt(fx0), minLat], [lonAt(fx1), minLat], [lonAt(fx1), maxLat], [lonAt(fx0), maxLat], [lonAt(fx0), minLat]]];
const file = (name: string, features: { nama: string; ring: number[][][] }[]) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: { kode: 'X', nama: f.nama }, geometry: { type: 'Polygon', coordinates: f.ring } })) }));
  return p;
};

async function openSetup(viewport: { width: number; height: number }): Promise<Page> {
  const page = await newPage(viewport);
  await page.addInitScript(() => localStorage.setItem('lang', 'id'));
  await login(page, 'admin');
  await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/atur-wilayah`);
  await page.waitForSelector('main [data-ready="true"] #geo-map canvas');
  return page;
}

const regionNames = () => t.env.db('service_regions').where({ utility_id: t.env.utility.id }).orderBy('id').pluck('name');

describe('#/atur-wilayah', { timeout: 120_000 }, () => {
  it('on a desktop: a file with an overlap is previewed with the feature named and cannot be saved; a good one is saved; a region is drawn by hand', async () => {
    const page = await openSetup(desktop);
    expect(await page.textContent('#geo-regions')).toContain('Region One');
    // The setup pages sit together under their own heading in the navigation.
    expect(await page.textContent('#nav-setup')).toContain('Wilayah pelayanan');

    // Overlapping regions: the problem names the feature, the map marks it, Save stays off.
    await page.setInputFiles('#geo-file', file('tumpang.geojson', [{ nama: 'Region One', ring: box(0, 0.4) }, { nama: 'Tengah', ring: box(0.3, 0.66) }]));
    await page.waitForSelector('main [data-state="read"]');
    await page.selectOption('#geo-mode', 'regions');
    expect(await page.inputValue('#geo-name')).toBe('nama');
    await page.click('#geo-preview');
    await page.waitForSelector('main [data-state="problems"]');
    expect(await page.textContent('#geo-problems')).toMatch(/Fitur ke-1 “Region One”.*bertumpang tindih dengan wilayah “Tengah”/);
    expect(await page.isDisabled('#geo-save')).toBe(true);
    expect(await regionNames()).toEqual(['Region One']);

    // The English page says the same in English (the switch keeps the chosen file and reads it again).
    await page.click('#lang');
    await page.waitForSelector('main [data-ready="true"][data-state="read"]');
    await page.click('#geo-preview');
    await page.waitForSelector('main [data-state="problems"]');
    expect(await page.textContent('#geo-problems')).toContain('Feature 1 “Region One” of the regions file overlaps region “Tengah”');
    await page.click('#lang');
    await page.waitForSelector('main [data-ready="true"][data-state="read"]');

    // Two regions sharing an edge, the east third left free.
    await page.setInputFiles('#geo-file', file('wilayah.geojson', [{ nama: 'Region One', ring: box(0, 0.33) }, { nama: 'Tengah', ring: box(0.33, 0.66) }]));
    await page.waitForSelector('main [data-state="read"]');
    await page.selectOption('#geo-mode', 'regions');
    await page.click('#geo-preview');
    await page.waitForSelector('main [data-state="previewed"]');
    expect(await page.textContent('#geo-plan')).toContain('Tidak ada masalah');
    await page.click('#geo-save');
    await page.waitForSelector('main [data-state="saved"]');
    expect(await page.textContent('#geo-notice')).toContain('1 baru, 1 diubah bentuknya');
    expect(await regionNames()).toEqual(['Region One', 'Tengah']);
    expect(await page.textContent('#geo-regions')).toContain('Tengah');

    // Draw "Timur" in the free east third: the map is fitted to the (square) service area.
    await page.fill('#geo-draw-name', 'Timur');
    await page.click('#geo-draw');
    await page.waitForSelector('main [data-state="drawing"]');
    const rect = (await page.locator('#geo-map').boundingBox())!;
    const size = Math.min(rect.width, rect.height) - 40;
    const at = (fx: number, fy: number) => ({ x: rect.x + rect.width / 2 + (fx - 0.5) * size, y: rect.y + rect.height / 2 - (fy - 0.5) * size });
    for (const [fx, fy] of [[0.74, 0.15], [0.95, 0.15], [0.95, 0.85]]) {
      const p = at(fx, fy);
      await page.mouse.click(p.x, p.y);
    }
    const last = at(0.74, 0.85);
    await page.mouse.dblclick(last.x, last.y);
    await page.waitForSelector('main [data-state="drawn"]');
    await page.click('#geo-draw-save');
    await page.waitForSelector('main [data-state="saved"]');
    expect(await regionNames()).toEqual(['Region One', 'Tengah', 'Timur']);
    const timur = await t.env.db('service_regions').where({ utility_id: t.env.utility.id, name: 'Timur' }).first(t.env.db.raw('ST_X(ST_Centroid(area::geometry)) AS lon'));
    expect(timur.lon).toBeGreaterThan(lonAt(0.8));
    expect(timur.lon).toBeLessThan(lonAt(0.9));
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'geography.import' }).orderBy('id').pluck('details');
    expect(audit.map((d) => d.source)).toEqual(['file', 'drawing']);
    await page.close();
  });

  it('a zipped Shapefile is read in the browser (shpjs) and goes through the same preview and save', async () => {
    const page = await openSetup(desktop);
    const ring = (fx0: number, fx1: number) => box(fx0, fx1)[0];
    const zip = shapefileZip('wilayah_pdam', [
      { name: 'Region One', ring: ring(0, 0.5) },
      { name: 'Tengah', ring: ring(0.5, 0.7) },
      { name: 'Timur', ring: ring(0.7, 1) },
    ]);
    await page.setInputFiles('#geo-file', { name: 'wilayah_pdam.zip', mimeType: 'application/zip', buffer: zip });
    await page.waitForSelector('main [data-state="read"]');
    await page.selectOption('#geo-mode', 'regions');
    expect(await page.inputValue('#geo-name')).toBe('NAMA');
    await page.click('#geo-preview');
    await page.waitForSelector('main [data-state="previewed"]');
    expect(await page.locator('#geo-plan li').allTextContents()).toEqual([
      expect.stringMatching(/^Region One · diubah bentuknya · 9(,\d)? km²$/),
      expect.stringMatching(/^Tengah · diubah bentuknya/),
      expect.stringMatching(/^Timur · diubah bentuknya/),
    ]);
    await page.click('#geo-save');
    await page.waitForSelector('main [data-state="saved"]');
    const regionOne = await t.env.db('service_regions').where({ utility_id: t.env.utility.id, name: 'Region One' }).first(t.env.db.raw('ST_X(ST_Centroid(area::geometry)) AS lon'));
    expect(regionOne.lon).toBeCloseTo(lonAt(0.25), 4);
    await page.close();
  });

  // Starts from the regions the Shapefile test above saved (thirds at 0.5 and 0.7 of the area's width).
  it('reshaping by hand: a vertex two regions share is dragged, both change, saved through the same checks', async () => {
    const page = await openSetup(desktop);
    const areaOf = async (name: string) => Number((await t.env.db('service_regions').where({ utility_id: t.env.utility.id, name }).first(t.env.db.raw('ST_Area(area) AS m2'))).m2);
    const [tengah, timur] = [await areaOf('Tengah'), await areaOf('Timur')];
    await page.click('#geo-edit');
    await page.waitForSelector('main [data-state="editing"]');
    const rect = (await page.locator('#geo-map').boundingBox())!;
    const size = Math.min(rect.width, rect.height) - 40;
    const at = (fx: number, fy: number) => ({ x: rect.x + rect.width / 2 + (fx - 0.5) * size, y: rect.y + rect.height / 2 - (fy - 0.5) * size });
    // The top corner Tengah (0.5-0.7) and Timur (0.7-1) share, moved east and a little into the area.
    const from = at(0.7, 1);
    const to = at(0.8, 0.95);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.isDisabled('#geo-draw-save')).toBe(false);
    await page.click('#geo-draw-save');
    await page.waitForSelector('main [data-state="saved"], main [data-state="problems"]');
    expect(await page.getAttribute('main [data-state]', 'data-state'), (await page.textContent('#geo-plan')) ?? '').toBe('saved');
    expect(await areaOf('Tengah')).toBeGreaterThan(tengah * 1.1);
    expect(await areaOf('Timur')).toBeLessThan(timur * 0.9);
    const audit = await t.env.db('audit_log').where({ utility_id: t.env.utility.id, action: 'geography.import' }).orderBy('id', 'desc').first('details');
    expect(audit.details).toMatchObject({ source: 'drawing', created: [], deleted: [] });
    expect([...audit.details.reshaped].sort()).toEqual(['Region One', 'Tengah', 'Timur']);
    await page.close();
  });

  it('on a phone: the preview of a file with an invalid feature lists it', async () => {
    const page = await openSetup(phone);
    const bowtie = [[[lonAt(0.7), minLat], [lonAt(0.9), maxLat], [lonAt(0.9), minLat], [lonAt(0.7), maxLat], [lonAt(0.7), minLat]]];
    await page.setInputFiles('#geo-file', file('dasi.geojson', [{ nama: 'Region One', ring: box(0, 0.33) }, { nama: 'Tengah', ring: box(0.33, 0.66) }, { nama: 'Dasi', ring: bowtie }]));
    await page.waitForSelector('main [data-state="read"]');
    await page.selectOption('#geo-mode', 'regions');
    await page.click('#geo-preview');
    await page.waitForSelector('main [data-state="problems"]');
    expect(await page.textContent('#geo-problems')).toContain('Fitur ke-3 “Dasi” pada berkas wilayah berpotongan dengan dirinya sendiri');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.close();
  });
});
