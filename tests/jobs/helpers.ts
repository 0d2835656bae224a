/** Driving tickets through the real services with the test clock. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { insideArea, sharpPhoto, type TestEnv } from '../support/db.js';
import { submitReport } from '../../server/features/tickets/intake.service.js';
import { performAction, type ActionInput } from '../../server/features/tickets/workflow.service.js';
import type { Action } from '../../server/core/domain/workflow.js';
import type { StaffUser } from '../../server/features/auth/service.js';
import type { Priority } from '../../server/core/domain/tickets.js';
import { runTick, type TickReport } from '../../server/worker.js';

export async function staffUser(env: TestEnv, username: string): Promise<StaffUser> {
  const r = await env.db('staff_users').where({ utility_id: env.utility.id, username }).first();
  return { id: r.id, utilityId: r.utility_id, username: r.username, displayName: r.display_name, role: r.role, crewId: r.crew_id, active: r.active };
}

/** A report entered by the operator at the clock's time; returns the ticket id. */
export async function newTicket(env: TestEnv, offset = 0): Promise<number> {
  const receipt = await submitReport(
    env.ctx,
    env.utility,
    { lat: insideArea.lat + offset * 0.0001, lon: insideArea.lon, source: 'call_centre', category: 'visible_leak', description: 'Pipa bocor' },
    await staffUser(env, 'operator'),
  );
  return receipt.id;
}

export async function act(env: TestEnv, username: string, ticketId: number, action: Action, input: ActionInput = {}) {
  const user = await staffUser(env, username);
  const withPhoto = action === 'fix' && !input.photo ? { ...input, photo: await sharpPhoto() } : input;
  return performAction(env.ctx, env.utility, user, ticketId, action, withPhoto);
}

/** A ticket with an SPK of the given priority, received now. */
export async function spkTicket(env: TestEnv, priority: Priority, offset = 0): Promise<number> {
  const id = await newTicket(env, offset);
  await act(env, 'admin', id, 'issue_spk', { priority });
  return id;
}

/** A ticket taken to `fixed` by crew 1. */
export async function fixedTicket(env: TestEnv, priority: Priority, crew = 1): Promise<number> {
  const id = await spkTicket(env, priority);
  await act(env, 'dispatcher', id, 'assign', { crewId: env.crews[crew - 1] });
  await act(env, `crew${crew}`, id, 'arrive');
  await act(env, `crew${crew}`, id, 'fix');
  return id;
}

export const tick = (env: TestEnv): Promise<TickReport> => runTick(env.ctx, { utilityIds: [env.utility.id] });

export async function escalationsOf(env: TestEnv, ticketId: number) {
  return env.db('escalations').where({ ticket_id: ticketId }).orderBy('id').select('*');
}

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real webhook receiver on 127.0.0.1:0 that answers with the scripted statuses, then 200. */
export async function startReceiver(script: number[] = []) {
  const requests: ReceivedRequest[] = [];
  const statuses = [...script];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/tirta`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
