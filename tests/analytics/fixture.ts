/**
 * A small, hand-countable history, written straight into the tables with
 * explicit times (WITA), as the workflow would have left it.
 */
import { latLngToCell } from 'h3-js';
import { zonedTimeToUtc } from '../../server/core/domain/time.js';
import type { TestEnv } from '../support/db.js';

export const wita = (local: string): Date => {
  const [date, time] = local.split(' ');
  return zonedTimeToUtc(date, time, 'Asia/Makassar');
};

export const NOW = wita('2026-03-10 12:00');

export const P1 = { lat: -5.1500, lon: 119.4200 };
export const P2 = { lat: -5.1380, lon: 119.4050 };
export const P3 = { lat: -5.1650, lon: 119.4350 };

type Step = [action: string, from: string | null, to: string, at: string, actor?: string];

interface Spec {
  key: string;
  source: string;
  category: string;
  priority: 'critical' | 'high' | 'normal' | null;
  region: 1 | 2;
  crew: 1 | 2 | null;
  at: typeof P1;
  steps: Step[];
}

const due = { critical: [15, 240], high: [30, 720], normal: [60, 1440] } as const;

export const specs: Spec[] = [
  {
    key: 'A', source: 'app', category: 'pipe_burst', priority: 'critical', region: 1, crew: 1, at: P1,
    steps: [['report', null, 'received', '2026-03-09 08:00'], ['issue_spk', 'received', 'spk_issued', '2026-03-09 08:05'], ['assign', 'spk_issued', 'assigned', '2026-03-09 08:10'],
      ['arrive', 'assigned', 'on_site', '2026-03-09 08:40', 'crew1'], ['fix', 'on_site', 'fixed', '2026-03-09 11:00', 'crew1'], ['close', 'fixed', 'closed', '2026-03-09 12:00']],
  },
  {
    key: 'B', source: 'call_centre', category: 'visible_leak', priority: 'high', region: 1, crew: 1, at: P1,
    steps: [['report', null, 'received', '2026-03-09 09:00'], ['issue_spk', 'received', 'spk_issued', '2026-03-09 09:10'], ['assign', 'spk_issued', 'assigned', '2026-03-09 09:40'],
      ['arrive', 'assigned', 'on_site', '2026-03-09 10:30', 'crew1'], ['fix', 'on_site', 'fixed', '2026-03-09 20:00', 'crew1']],
  },
  {
    key: 'C', source: 'app', category: 'meter_leak', priority: 'normal', region: 2, crew: 2, at: P2,
    steps: [['report', null, 'received', '2026-03-09 10:00'], ['issue_spk', 'received', 'spk_issued', '2026-03-09 10:30'], ['assign', 'spk_issued', 'assigned', '2026-03-10 07:30'],
      ['arrive', 'assigned', 'on_site', '2026-03-10 08:00', 'crew2']],
  },
  {
    key: 'D', source: 'walk_in', category: 'visible_leak', priority: 'normal', region: 2, crew: 2, at: P2,
    steps: [['report', null, 'received', '2026-03-09 18:00'], ['issue_spk', 'received', 'spk_issued', '2026-03-09 18:20'], ['assign', 'spk_issued', 'assigned', '2026-03-09 18:50'],
      ['arrive', 'assigned', 'on_site', '2026-03-10 08:30', 'crew2'], ['fix', 'on_site', 'fixed', '2026-03-10 09:00', 'crew2'], ['return_to_crew', 'fixed', 'assigned', '2026-03-10 10:00']],
  },
  { key: 'E', source: 'social_media', category: 'other', priority: null, region: 1, crew: null, at: P3, steps: [['report', null, 'received', '2026-03-10 11:30']] },
  { key: 'F', source: 'email', category: 'other', priority: null, region: 1, crew: null, at: P1, steps: [['report', null, 'received', '2026-03-09 12:00'], ['reject', 'received', 'rejected', '2026-03-09 12:10']] },
  { key: 'G', source: 'call_centre', category: 'no_water', priority: null, region: 1, crew: null, at: P1, steps: [['report', null, 'received', '2026-03-08 07:00']] },
  {
    key: 'H', source: 'app', category: 'visible_leak', priority: 'high', region: 1, crew: 1, at: P1,
    steps: [['report', null, 'received', '2026-02-20 10:00'], ['issue_spk', 'received', 'spk_issued', '2026-02-20 10:05'], ['assign', 'spk_issued', 'assigned', '2026-02-20 10:20'],
      ['arrive', 'assigned', 'on_site', '2026-02-20 10:50', 'crew1'], ['fix', 'on_site', 'fixed', '2026-02-20 12:00', 'crew1'], ['close', 'fixed', 'closed', '2026-02-20 13:00']],
  },
];

const stamp: Record<string, string> = {
  issue_spk: 'spk_issued_at', assign: 'assigned_at', arrive: 'on_site_at', fix: 'fixed_at', close: 'closed_at', reject: 'rejected_at', return_to_crew: 'assigned_at',
};

/** Writes the fixture; returns ticket ids by key and the second region's id. */
export async function loadFixture(env: TestEnv): Promise<{ ids: Record<string, number>; region2: number }> {
  const [{ id: region2 }] = await env.db('service_regions')
    .insert({ utility_id: env.utility.id, code: 'R2', name: 'Region Two', area: env.db.raw('(SELECT service_area FROM utilities WHERE id = ?)', [env.utility.id]) })
    .returning('id');
  const users = Object.fromEntries((await env.db('staff_users').where({ utility_id: env.utility.id }).select('id', 'username')).map((u) => [u.username, u.id]));
  const ids: Record<string, number> = {};
  for (const [i, s] of specs.entries()) {
    const received = wita(s.steps[0][3]);
    const row: Record<string, unknown> = {
      utility_id: env.utility.id,
      number: `LK-2026-9${String(i).padStart(5, '0')}`,
      source: s.source,
      location: env.db.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography', [s.at.lon, s.at.lat]),
      h3_cell: latLngToCell(s.at.lat, s.at.lon, 8),
      region_id: s.region === 1 ? env.regionId : region2,
      category: s.category,
      priority: s.priority,
      status: s.steps[s.steps.length - 1][2],
      crew_id: s.crew ? env.crews[s.crew - 1] : null,
      received_at: received,
      address: `Jalan ${s.key}`,
    };
    if (s.priority) {
      row.respond_due_at = new Date(received.getTime() + due[s.priority][0] * 60_000);
      row.resolve_due_at = new Date(received.getTime() + due[s.priority][1] * 60_000);
    }
    for (const [action, , , at] of s.steps.slice(1)) row[stamp[action]] = wita(at);
    if (s.steps.some(([a]) => a === 'return_to_crew')) row.fixed_at = null;
    const [{ id }] = await env.db('tickets').insert(row).returning('id');
    ids[s.key] = id;
    await env.db('ticket_events').insert(
      s.steps.map(([action, from, to, at, actor]) => ({
        utility_id: env.utility.id,
        ticket_id: id,
        action,
        actor_kind: action === 'report' ? 'reporter' : 'staff',
        actor_id: action === 'report' ? null : users[actor ?? (action === 'assign' ? 'dispatcher' : 'admin')],
        from_status: from,
        to_status: to,
        at: wita(at),
      })),
    );
  }
  return { ids, region2 };
}
