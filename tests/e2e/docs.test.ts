import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestEnv, startServer, type TestEnv } from '../support/db.js';
import { launchBrowser } from '../support/browser.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  env = await createTestEnv();
  server = await startServer(env.ctx);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await env?.close();
});

describe("the API documentation page in a real browser", { timeout: 120_000 }, () => {
  it('shows the API documentation built from the OpenAPI document, in Bahasa Indonesia first', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/docs`);
    await page.waitForSelector('.op');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    const paths = await page.$$eval('.op', (ops) => ops.map((o) => (o as HTMLElement).dataset.path));
    const doc = (await (await fetch(`${server.baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const expected = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map(() => p));
    expect(paths).toEqual(expected);
    expect(await page.textContent('body')).toContain('Layanan laporan kebocoran');
    await page.close();
  });
});
