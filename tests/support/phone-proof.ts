/** Proving a phone in tests: ask for a code over HTTP and read it from its queued event (it lives there until sent). */
import { expect } from 'vitest';
import type { TestEnv } from './db.js';

export async function proveByCode(env: TestEnv, baseUrl: string, phone: string): Promise<string> {
  const q = `?jurisdiction_id=${encodeURIComponent(env.utility.code)}`;
  const started = await fetch(`${baseUrl}/api/v1/verifications${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) });
  expect(started.status).toBe(201);
  const { id } = (await started.json()) as { id: number };
  const event = await env.db('notification_events').where({ utility_id: env.utility.id, source_key: `phone-code:${id}` }).first('data');
  const confirmed = await fetch(`${baseUrl}/api/v1/verifications/${id}/confirm${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: event.data.code }) });
  expect(confirmed.status).toBe(200);
  return ((await confirmed.json()) as { token: string }).token;
}
