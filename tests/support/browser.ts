import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD, type TestEnv } from './db.js';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export const phone = { width: 420, height: 900 };
export const desktop = { width: 1200, height: 900 };

/**
 * The frame of a browser test file: one Chromium for the file, pages whose
 * clock reads the server's test clock (so "today" in the browser is the
 * server's today whatever the real calendar says), and a console login.
 */
export function useConsole(t: { env: TestEnv; server: { baseUrl: string } }) {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newPage = async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await browser.newPage({ viewport });
    await page.clock.setFixedTime(t.env.clock.now());
    return page;
  };
  const login = async (page: Page, username: string): Promise<void> => {
    await page.goto(`${t.server.baseUrl}/?jurisdiction_id=${t.env.utility.code}#/masuk`);
    await page.fill('#username', username);
    await page.fill('#password', TEST_PASSWORD);
    await page.click('#login');
    await page.waitForSelector('#logout');
  };
  return { newPage, login };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical axe-core findings on the page, as "rule: target" lines. */
export async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}
