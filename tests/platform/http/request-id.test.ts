import { describe, expect, it } from 'vitest';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { useTestServer } from '../../support/db.js';
import { httpLogger } from '../../../server/platform/log.js';
import { errorHandler } from '../../../server/platform/http/errors.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  const t = useTestServer();

  it('gives every response an X-Request-Id and puts it in the error body', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/no-such-endpoint`);
    expect(res.status).toBe(404);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(uuid);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.requestId).toBe(id);
  });

  it("keeps the caller's X-Request-Id when it is sane", async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/no-such-endpoint`, { headers: { 'X-Request-Id': 'lb-7f3a.42' } });
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a.42');
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe('lb-7f3a.42');
  });

  it('replaces an X-Request-Id that is too long or carries spaces', async () => {
    for (const bad of ['x'.repeat(200), 'two words', '<script>']) {
      const res = await fetch(`${t.server.baseUrl}/healthz`, { headers: { 'X-Request-Id': bad } });
      expect(res.headers.get('x-request-id'), bad).toMatch(uuid);
    }
  });

  it('answers a validation error with the request id too', async () => {
    const res = await fetch(`${t.server.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });
});

describe('the error handler', () => {
  it('logs an unexpected error (500) with the request id, and answers INTERNAL with it', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = express();
    app.use(httpLogger(pino({ level: 'info' }, sink)));
    app.get('/boom', () => {
      throw new Error('the disk caught fire');
    });
    app.use(errorHandler(10 * 1024 * 1024));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/boom`, { headers: { 'X-Request-Id': 'trace-500' } });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; requestId: string; message: string } };
      expect(body.error).toMatchObject({ code: 'INTERNAL', requestId: 'trace-500' });
      expect(body.error.message).not.toMatch(/disk/); // the cause stays in the log, not in the answer
      const logged = lines.find((l) => l.msg === 'Unhandled error');
      expect(logged).toMatchObject({ level: 50, reqId: 'trace-500', requestId: 'trace-500', err: { message: 'the disk caught fire' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
