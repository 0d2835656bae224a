/**
 * Small steps of a utility's set-up, driven through the console's own pages
 * (#/atur-regu, #/atur-staf, the first-login password page) the way an admin
 * does it, for the end-to-end test "from nothing to a planned day". Each step
 * waits for a state the page sets when it is done (a data- attribute), never
 * for a timeout. The page must already be logged in as an admin of the utility
 * (except firstLoginInConsole, which logs in itself).
 */
import type { Page } from 'playwright-core';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface CrewInConsole {
  code: string;
  name: string;
  /** The base; must lie inside the utility's service area. */
  lat: number;
  lon: number;
  members?: string[]; // "Name" or "Name (0812-…)"
  /** The same shift every day of the week (default 08:00-16:00). */
  shift?: { start: string; end: string };
  equipment?: string[];
}

export interface StaffInConsole {
  username: string;
  displayName: string;
  role: 'admin' | 'operator' | 'dispatcher' | 'crew' | 'kasie' | 'kabag' | 'direktur';
  /** The crew a crew leader leads, by its code. */
  crewCode?: string;
}

async function openPage(page: Page, hash: string, ready: string): Promise<void> {
  await page.evaluate((h) => {
    // A page drawn again under the same hash would keep its old data-loaded: go through another one.
    if (location.hash === h) location.hash = '#/';
    location.hash = h;
  }, hash);
  await page.waitForSelector(ready);
}

/** Adds each crew with the form of #/atur-regu; resolves when the page confirms each save. */
export async function addCrewsInConsole(page: Page, crews: CrewInConsole[]): Promise<void> {
  await openPage(page, '#/atur-regu', '#crews-setup[data-loaded]');
  for (const c of crews) {
    await page.click('#new-crew');
    await page.waitForSelector('#crew-form');
    await page.fill('#crew-code', c.code);
    await page.fill('#crew-name', c.name);
    await page.fill('#crew-lat', String(c.lat));
    await page.fill('#crew-lon', String(c.lon));
    await page.fill('#crew-members', (c.members ?? []).join('\n'));
    const shift = c.shift ?? { start: '08:00', end: '16:00' };
    for (const d of weekdays) {
      await page.fill(`#shift-${d}-start`, shift.start);
      await page.fill(`#shift-${d}-end`, shift.end);
    }
    await page.fill('#crew-equipment', (c.equipment ?? []).join('; '));
    await page.click('#crew-save');
    await page.waitForSelector(`#crew-saved[data-code="${c.code}"], #crew-errors .error`);
    const refusal = await page.$('#crew-errors .error');
    if (refusal) throw new Error(`crew ${c.code} was refused: ${await refusal.textContent()}`);
  }
}

/** Creates each account with the form of #/atur-staf; returns each one-time password by username. */
export async function addStaffInConsole(page: Page, staff: StaffInConsole[]): Promise<Record<string, string>> {
  await openPage(page, '#/atur-staf', '#staff-setup[data-loaded]');
  const passwords: Record<string, string> = {};
  for (const s of staff) {
    await page.fill('#staff-username', s.username);
    await page.fill('#staff-name', s.displayName);
    await page.selectOption('#staff-role', s.role);
    if (s.crewCode) {
      const value = await page.$eval('#staff-crew', (el, code) => Array.from((el as HTMLSelectElement).options).find((o) => o.text.startsWith(`${code} `))?.value ?? '', s.crewCode);
      if (!value) throw new Error(`no active crew ${s.crewCode} to choose for ${s.username}`);
      await page.selectOption('#staff-crew', value);
    } else {
      await page.selectOption('#staff-crew', '');
    }
    await page.click('#staff-create');
    await page.waitForSelector(`#one-time-password[data-username="${s.username}"], #staff-create-errors .error`);
    const refusal = await page.$('#staff-create-errors .error');
    if (refusal) throw new Error(`account ${s.username} was refused: ${await refusal.textContent()}`);
    passwords[s.username] = (await page.textContent('#one-time-password-value'))!.trim();
  }
  return passwords;
}

/**
 * Logs in with a one-time password and changes it on the first-login page;
 * resolves on the role's home, logged in with the new password.
 */
export async function firstLoginInConsole(page: Page, consoleUrl: string, username: string, oneTimePassword: string, newPassword: string): Promise<void> {
  await page.goto(`${consoleUrl}#/masuk`);
  await page.fill('#username', username);
  await page.fill('#password', oneTimePassword);
  await page.click('#login');
  await page.waitForSelector('#password-form');
  await page.fill('#current-password', oneTimePassword);
  await page.fill('#new-password', newPassword);
  await page.fill('#new-password-2', newPassword);
  await page.click('#change-password');
  await page.waitForFunction(() => {
    const raw = localStorage.getItem('tirta.session');
    return document.querySelector('#password-errors .error') || (raw !== null && !JSON.parse(raw).user.mustChangePassword && !document.querySelector('#password-form'));
  });
  const refusal = await page.$('#password-errors .error');
  if (refusal) throw new Error(`the password change of ${username} was refused: ${await refusal.textContent()}`);
  await page.waitForSelector('#logout');
}
