import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, loginAs, startServer, type TestEnv } from '../support/db.js';
import { api, insertTickets } from './support.js';

let env: TestEnv;
let server: { baseUrl: string; close(): Promise<void> };

beforeAll(async () => {
  env = await createTestEnv({ crews: 2 });
  env.clock.set('2026-11-24T03:00:00Z'); // 11:00 WITA, no plan made today
  server = await startServer(env.ctx);
});
afterAll(async () => {
  await server?.close();
  await env?.close();
});

describe('immediate dispatch on a day without a plan', () => {
  it('sends the nearest crew from its base now and starts the day as version 1', async () => {
    const dispatcher = await loginAs(server.baseUrl, env.utility, 'dispatcher');
    // Right beside crew 2's base (-5.15, 119.42).
    const [high] = await insertTickets(env, [{ lat: -5.1505, lon: 119.4205, priority: 'high', category: 'pipe_burst' }]);
    const suggestions = await api(server.baseUrl, dispatcher, 'GET', `/api/v1/dispatch/suggestions?ticketId=${high}`);
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.options.map((o: any) => o.crewId)).toEqual([env.crews[1], env.crews[0]]);
    expect(suggestions.body.options[0].meetsDue).toBe(true);
    const res = await api(server.baseUrl, dispatcher, 'POST', '/api/v1/dispatch', { ticketId: high, crewId: env.crews[1] });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(1);
    expect(res.body.kind).toBe('dispatch');
    expect(res.body.routes).toHaveLength(1);
    expect(res.body.routes[0].stops.map((s: any) => s.ticketId)).toEqual([high]);
    expect(Date.parse(res.body.routes[0].startAt)).toBe(Date.parse('2026-11-24T03:00:00Z'));
    const crew2 = await loginAs(server.baseUrl, env.utility, 'crew2');
    const route = await api(server.baseUrl, crew2, 'GET', `/api/v1/crews/${env.crews[1]}/route`);
    expect(route.status).toBe(200);
    expect(route.body.stops.map((s: any) => s.ticketId)).toEqual([high]);
  });
});
