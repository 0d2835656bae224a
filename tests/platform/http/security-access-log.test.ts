import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { createTestEnv, loginAs, type TestEnv } from '../../support/db.js';

/** The app with an access log of its own, read back line by line. */
const lines: Record<string, any>[] = [];
let env: TestEnv;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  env = await createTestEnv();
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  // The same redaction as the process's logger.
  const log = pino({ level: 'info', redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.query.api_key'], censor: '[redacted]' } }, sink);
  server = http.createServer(createApp(env.ctx, { log }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await env.close();
});

const completed = () => lines.filter((l) => l.msg === 'request completed' || l.msg === 'request errored');

describe('access log', () => {
  it('writes one line per request with its request id, method, path and status; health probes are left out; api_key and a webhook verify token never show', async () => {
    const token = await loginAs(baseUrl, env.utility, 'admin');
    const before = completed().length;
    const calls = [
      ['GET', '/api/v1/auth/me', { authorization: `Bearer ${token}` }],
      ['GET', '/api/v1/nope', {}],
      ['GET', `/open311/v2/requests.json?jurisdiction_id=${env.utility.code}&api_key=o311_secret-value`, {}],
      ['GET', '/healthz', {}],
      ['GET', `/api/v1/inbound/whatsapp?jurisdiction_id=${env.utility.code}&hub.mode=subscribe&hub.verify_token=meta-secret-token&hub.challenge=1`, {}],
    ] as const;
    const ids: string[] = [];
    for (const [method, path, headers] of calls) {
      const res = await fetch(`${baseUrl}${path}`, { method, headers });
      await res.arrayBuffer();
      ids.push(res.headers.get('x-request-id')!);
    }
    await expect.poll(() => completed().length - before).toBeGreaterThanOrEqual(4); // written on the response's finish
    const logged = completed().slice(before);
    expect(logged.map((l) => [l.req.id, l.req.method, l.res.statusCode])).toEqual([
      [ids[0], 'GET', 200],
      [ids[1], 'GET', 404],
      [ids[2], 'GET', 200],
      [ids[4], 'GET', 404], // no WhatsApp webhook configured
    ]);
    expect(logged[2].req.url).toContain('api_key=[redacted]');
    expect(logged[3].req.url).toContain('hub.verify_token=[redacted]');
    expect(JSON.stringify(lines)).not.toContain('meta-secret-token');
    expect(JSON.stringify(lines)).not.toContain('secret-value');
    expect(JSON.stringify(lines)).not.toContain(token);
  });
});
