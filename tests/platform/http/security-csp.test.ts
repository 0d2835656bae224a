import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestEnv, startServer, type TestEnv } from '../../support/db.js';
import { launchBrowser } from '../../support/browser.js';

/** The console and the docs page in Chromium under the real CSP, with a basemap served from another origin (loopback). */
let browser: Browser;
let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let tiles: http.Server;
let tileRequests = 0;

beforeAll(async () => {
  const png = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 200, g: 220, b: 240 } } }).png().toBuffer();
  tiles = http.createServer((_req, res) => {
    tileRequests += 1;
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(png);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  env = await createTestEnv();
  env.ctx.config.basemapUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
  server = await startServer(env.ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await env?.close();
  await new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve()));
});

/** A page that records every CSP violation (the DOM event and the console's report). */
async function watched(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.clock.setFixedTime(env.clock.now());
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { page, violations };
}

describe('Content-Security-Policy in the browser', () => {
  it('the docs page runs its inline script (allowed by hash) with no violation', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.baseUrl}/docs`);
    await page.waitForSelector('#ops .op');
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the console home and the report page with its map (OpenLayers, basemap tiles from another origin) run with no violation', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.baseUrl}/?jurisdiction_id=${env.utility.code}`);
    await page.waitForSelector('#go-report');
    await page.click('#go-report');
    await page.waitForSelector('.ol-viewport canvas');
    await expect.poll(() => tileRequests, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
