import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestEnv, startServer, TEST_PASSWORD, type TestEnv } from '../support/db.js';
import { desktop, launchBrowser, phone } from '../support/browser.js';

/**
 * The street basemap: tiles from a tile server on loopback (as a utility's own
 * server, or OSM's in the field), with the attribution and the page's origin as
 * referrer; and the fallback to the boundaries when the tiles fail (offline).
 */
let browser: Browser;
let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let tiles: http.Server;
let failing = false;
const referrers: (string | undefined)[] = [];

beforeAll(async () => {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 230, g: 225, b: 210 } } }).png().toBuffer();
  tiles = http.createServer((req, res) => {
    referrers.push(req.headers.referer);
    if (failing) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down');
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(png);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  env = await createTestEnv();
  env.ctx.config.basemapUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
  env.ctx.config.basemapAttribution = 'Peta: server ubin uji <b>tebal</b>';
  server = await startServer(env.ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await env?.close();
  await new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve()));
});

async function open(path: string, viewport: { width: number; height: number }, user?: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.clock.setFixedTime(env.clock.now());
  if (user) {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: TEST_PASSWORD, jurisdiction_id: env.utility.code }) });
    expect(res.status).toBe(200);
    await page.addInitScript((s) => localStorage.setItem('tirta.session', s), JSON.stringify(await res.json()));
  }
  await page.goto(`${server.baseUrl}/?jurisdiction_id=${env.utility.code}${path}`);
  return page;
}

describe('the street basemap', { timeout: 120_000 }, () => {
  for (const [name, viewport] of [['desktop', desktop], ['phone', phone]] as const) {
    it(`draws the tiles under the boundaries with the attribution, and names the site as referrer (${name})`, async () => {
      failing = false;
      referrers.length = 0;
      const page = await open('#/lapor', viewport);
      await page.waitForSelector('#report-map[data-basemap="tiles"]');
      await page.waitForSelector('#report-map[data-drawn-features]');
      expect(Number(await page.getAttribute('#report-map', 'data-drawn-features'))).toBeGreaterThan(0);
      // The configured text, shown as text (not markup).
      expect(await page.textContent('#report-map .ol-attribution')).toContain('Peta: server ubin uji <b>tebal</b>');
      expect(referrers.length).toBeGreaterThan(0);
      expect(new Set(referrers)).toEqual(new Set([`${server.baseUrl}/`]));
      expect(await page.locator('.basemap-offline').count()).toBe(0);
      await page.close();
    });
  }

  it('falls back to the boundaries alone, saying so, when the tiles fail (offline)', async () => {
    failing = true;
    const page = await open('#/sebaran', desktop, 'kabag');
    await page.waitForSelector('#heat-map[data-basemap="fallback"]');
    await page.waitForSelector('.basemap-offline');
    expect(await page.textContent('.basemap-offline')).toContain('Peta jalan tidak dapat dimuat');
    await page.waitForSelector('#heat-map[data-drawn-features]');
    expect(Number(await page.getAttribute('#heat-map', 'data-drawn-features'))).toBeGreaterThan(0);
    await page.close();
    failing = false;
  });
});
