/**
 * The "plan on roads vs straight line" rows of `npm run bench:roads` (the
 * roads bench calls planRows on its utility with the Balikpapan network
 * imported): the Balikpapan demo's day (its ~40 report locations beside the
 * streets, seeded, and its three crews' bases on the network, 07:30-16:00)
 * planned on the road matrices and on the straight-line model (the utility's
 * detour factor and city speed) with the same fixed amount of solver work,
 * then the straight-line plan driven on the roads (its trips in their order,
 * timed on the matrices: what it really costs), and how far the straight-line
 * estimate of a leg misses its road figure (road / straight, median and p90,
 * over the legs of the road plan and over every pair of the day's points).
 *
 * Also runnable alone: `tsx bench/roads-plan.ts` (its own database,
 * BENCH_DATABASE_URL, default tirta_bench_roadplan; the extract imported once).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ensureDatabase, percentile } from './support.js';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { findUtilityById, findUtilityByCode, insertUtility, type Utility } from '../server/features/utilities/service.js';
import { hasRoadNetwork, importRoadNetwork } from '../server/features/roads/service.js';
import { dayTravelOf, serviceSecondsOf, travelModelOf } from '../server/features/plans/day.service.js';
import { planDay } from '../server/core/planning/plan-day.js';
import { metricsOf, timeRoute } from '../server/core/planning/route.js';
import type { PlanCrew, PlanInput, PlannedRoute, PlanTicket } from '../server/core/planning/model.js';
import type { TravelModel } from '../server/core/zoning/travel.js';
import { BALIKPAPAN_DEFAULTS, BALIKPAPAN_ROADS, BALIKPAPAN_SHIFT, crewBasesOnNetwork, reportPointsBesideStreets } from '../fixtures/balikpapan.js';
import type { AppContext } from '../server/platform/context.js';
import type { Category, Priority } from '../server/core/domain/tickets.js';

const categories: Category[] = ['visible_leak', 'pipe_burst', 'meter_leak', 'no_water'];
const secondsOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
const fixed = (x: number, digits = 1) => x.toFixed(digits);

/** The day as the demo seeds it (locations, priorities, service times), for the planner directly. */
async function demoDay(db: Db, utility: Utility): Promise<{ tickets: PlanTicket[]; crews: PlanCrew[] }> {
  const points = await reportPointsBesideStreets(db, utility.id, { tickets: BALIKPAPAN_DEFAULTS.tickets, seed: BALIKPAPAN_DEFAULTS.seed });
  const tickets = points.map((p, i): PlanTicket => {
    const priority: Priority = i % 20 === 0 ? 'critical' : i % 7 === 3 ? 'high' : 'normal';
    return { id: i + 1, ...p, priority, serviceSeconds: serviceSecondsOf(utility, categories[i % categories.length], priority), dueSeconds: null, receivedSeconds: i };
  });
  const bases = await crewBasesOnNetwork(db, utility.id);
  const crews = bases.map((base, k): PlanCrew => ({ id: k + 1, base, shiftStartSeconds: secondsOf(BALIKPAPAN_SHIFT[0]), shiftEndSeconds: secondsOf(BALIKPAPAN_SHIFT[1]), capacityJobs: null }));
  return { tickets, crews };
}

function timed<T>(work: () => T): { value: T; wallMs: number; cpuMs: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}

const figures = (routes: readonly PlannedRoute[], tickets: readonly PlanTicket[]) => {
  const m = metricsOf(routes, tickets);
  return `${m.served.total} served, ${fixed(m.distanceMetres / 1000)} km, ${fixed(m.travelSeconds / 3600, 2)} h driving, ${fixed(m.workSeconds / 3600, 2)} h work`;
};

/** road / straight of each leg, metres and seconds. */
function ratios(legs: readonly [PlanTicket | PlanCrew['base'], PlanTicket | PlanCrew['base']][], road: TravelModel, straight: TravelModel): { metres: number[]; seconds: number[] } {
  const metres: number[] = [];
  const seconds: number[] = [];
  for (const [a, b] of legs) {
    const sm = straight.metres(a, b);
    if (sm < 50) continue; // a few metres apart: the ratio says nothing
    metres.push(road.metres(a, b) / sm);
    seconds.push(road.seconds(a, b) / straight.seconds(a, b));
  }
  metres.sort((x, y) => x - y);
  seconds.sort((x, y) => x - y);
  return { metres, seconds };
}

const spread = (r: number[]) => `median ${fixed(percentile(r, 50), 2)}, p90 ${fixed(percentile(r, 90), 2)}, max ${fixed(r[r.length - 1], 2)}`;

/** The rows, in the roads bench's columns: what, how, wall, cpu, notes. */
export async function planRows(db: Db, utilityId: number): Promise<string[][]> {
  const utility = (await findUtilityById(db, utilityId))!;
  if (!(await hasRoadNetwork({ db }, utilityId))) return [['plan on roads', 'no road network', '', '', 'import the extract first']];
  const { tickets, crews } = await demoDay(db, utility);
  const ctx = { db } as AppContext;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const { travel: road } = await dayTravelOf(ctx, utility, [...tickets, ...crews.map((c) => c.base)]);
  const matrixCpu = process.cpuUsage(cpu);
  const matrixMs = performance.now() - wall;
  const straight = travelModelOf(utility);
  // A fixed amount of solver work (no clock in the way), the same for both models.
  const input = (travel: TravelModel): PlanInput => ({ tickets, crews, travel, objective: 'distance', resolution: utility.settings.h3Resolution, maxReachMetres: 50_000, budgetMs: 1e9, iterationScale: 1, seed: 1 });
  const onRoads = timed(() => planDay(input(road)));
  const onLines = timed(() => planDay(input(straight)));
  const driven = onLines.value.routes.map((r) => timeRoute(r.crew, r.from, r.startSeconds, r.stops.map((s) => s.ticket), tickets, road, r.zoneId, r.to));
  const overrun = driven.filter((r, k) => r.endSeconds > crews[k].shiftEndSeconds).length;
  const planLegs = onRoads.value.routes.flatMap((r) => {
    const at = [r.from, ...r.stops.map((s) => tickets[s.ticket]), r.to];
    return r.stops.length ? at.slice(1).map((b, q) => [at[q], b] as [PlanCrew['base'], PlanCrew['base']]) : [];
  });
  const points = [...tickets, ...crews.map((c) => c.base)];
  const allPairs = points.flatMap((a) => points.filter((b) => b !== a).map((b) => [a, b] as [PlanCrew['base'], PlanCrew['base']]));
  const legRatios = ratios(planLegs, road, straight);
  const pairRatios = ratios(allPairs, road, straight);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const day = `${tickets.length} tickets, ${crews.length} crews`;
  return [
    ['plan: road matrix of the day', `${points.length} points`, ms(matrixMs), ms((matrixCpu.user + matrixCpu.system) / 1000), `effective detour ${fixed(road.detourFactor, 2)}, ${fixed(road.speedKmh)} km/h (straight-line model: ${straight.detourFactor}, ${straight.speedKmh} km/h)`],
    ['plan on roads', day, ms(onRoads.wallMs), ms(onRoads.cpuMs), figures(onRoads.value.routes, tickets)],
    ['plan on straight lines', `${day}, as estimated`, ms(onLines.wallMs), ms(onLines.cpuMs), figures(onLines.value.routes, tickets)],
    ['straight-line plan driven on roads', 'its trips timed on the matrix', '', '', `${figures(driven, tickets)}; ${overrun} of ${crews.length} crews past their shift end`],
    ['leg road / straight-line estimate, metres', `${legRatios.metres.length} legs of the road plan`, '', '', spread(legRatios.metres)],
    ['leg road / straight-line estimate, seconds', `${legRatios.seconds.length} legs of the road plan`, '', '', spread(legRatios.seconds)],
    ['pair road / straight-line estimate, metres', `${pairRatios.metres.length} pairs of the day's points`, '', '', spread(pairRatios.metres)],
    ['pair road / straight-line estimate, seconds', `${pairRatios.seconds.length} pairs of the day's points`, '', '', spread(pairRatios.seconds)],
  ];
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_roadplan';
  await ensureDatabase(url);
  const db = createDb(url, 4);
  try {
    await migrate(db);
    const code = 'bench-roadplan';
    const utilityId = (await findUtilityByCode(db, code))?.id ?? (await insertUtility(db, { code, name: 'Road plan bench (Balikpapan Kota)', timeZone: 'Asia/Makassar', serviceArea: null }));
    if (!(await hasRoadNetwork({ db }, utilityId))) await importRoadNetwork({ db, now: () => new Date() }, utilityId, BALIKPAPAN_ROADS);
    const rows = await planRows(db, utilityId);
    console.log(`bench roads-plan on ${url} (${new Date().toISOString()}); a fixed amount of solver work per plan; cpu time is this process only.`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
