/**
 * npm run bench:planning [-- --days s,m,l] [--budget-ms 2000,10000] [--effort N] [--planner-seeds N] [--scale 20000:400] [--e2e 1060:25,5000:100] [--seed 7]
 *
 * 1. The public Makassar days (../shared/bench/planning, read at run time):
 *    the product's planner (pure planDay) on the README's travel rule, the
 *    island tickets found from fixtures/makassar's kelurahan polygons, scored
 *    with the README's scorer, beside VROOM 1.14's figures and the fair
 *    baseline. `--zones off` also plans without the zone grouping, to show
 *    what the grouping costs. `--effort N` fixes the work (N x the default iterations, no clock) (not the clock)
 *    for comparisons on a loaded machine. `--planner-seeds N` plans each day
 *    again under the planner's seeds 1..N (zones on) and says how many reach
 *    VROOM's best run: one seed's result is one draw, not the planner's level.
 * 2. Scaling: a generated day of 20,000 tickets / 400 crews (--scale), time
 *    and peak RSS / heap.
 * 3. --e2e: end-to-end timing of the daily plan through the database on a
 *    generated Makassar day (a backlog of Normal tickets plus Critical/High
 *    ones), the clock from the database read to the stored plan read back.
 *
 * Database (--e2e only): $BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/tirta_bench_plan
 * (created and migrated when missing). Each size gets its own utility, replaced on every run.
 */
import { everyDay } from '../server/core/domain/crews.js';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { latLngToCell } from 'h3-js';
import { ensureDatabase } from './support.js';
import { pointOnFeature, area as turfArea } from '@turf/turf';
import { createRandom, generateDemo, ISLAND_DISTRICT, loadKelurahan, TIME_ZONE } from '../fixtures/generate.js';
import { defaultSettings, resolveSettings, slaDueTimes } from '../server/core/domain/settings.js';
import type { Category, Priority } from '../server/core/domain/tickets.js';
import { zonedTimeToUtc } from '../server/core/domain/time.js';
import { createDb, migrate, type Db } from '../server/platform/db/knex.js';
import { loadConfig } from '../server/platform/config.js';
import { PhotoStore } from '../server/platform/storage/photos.js';
import type { AppContext } from '../server/platform/context.js';
import type { Utility } from '../server/features/utilities/service.js';
import type { StaffUser } from '../server/features/auth/service.js';
import { createPlan } from '../server/features/plans/service.js';
import { planDay } from '../server/core/planning/plan-day.js';
import type { PlanInput } from '../server/core/planning/model.js';
import { firstComeFirstServed } from '../server/core/planning/baseline.js';
import { warmUpPlanner } from '../server/core/planning/warm-up.js';
import { asReadmePlan, loadDay, planInputOf, readmeTravel, referenceResults, scorePlan, syntheticDay, type Score } from './makassar-days.js';

export interface ScenarioTicket {
  lat: number;
  lon: number;
  priority: Priority;
  category: Category;
  serviceSeconds: number;
  /** Minutes before the plan day's 00:00 local that the report came in. */
  receivedMinutesBefore: number;
  areaCode: string;
}

export interface ScenarioCrew {
  code: string;
  lat: number;
  lon: number;
  shiftStart: string;
  shiftEnd: string;
}

export interface Scenario {
  tickets: ScenarioTicket[];
  crews: ScenarioCrew[];
}

export function serviceSecondsOf(category: Category, priority: Priority): number {
  const s = defaultSettings;
  return (s.serviceMinutes[category] + s.planning.serviceExtraMinutes[priority]) * 60;
}

/** `normal` Normal and `urgent` Critical/High tickets with SPKs, and `crews` crews on 08:00-16:00. */
export function makassarScenario(options: { normal: number; urgent: number; crews: number; seed: number }): Scenario {
  const random = createRandom(options.seed);
  const want = options.normal + options.urgent;
  // The generator's points: ask for more days than needed and keep the first ones.
  const demo = generateDemo({ days: Math.max(2, Math.ceil(want / 100) + 1), perDay: 120, seed: options.seed, now: new Date('2026-11-23T12:00:00Z') });
  const points = demo.tickets.slice(0, want);
  if (points.length < want) throw new Error(`the generator gave ${points.length} points, ${want} wanted`);
  const tickets: ScenarioTicket[] = points.map((p, i) => {
    const urgent = i % Math.max(1, Math.floor(want / Math.max(1, options.urgent))) === 0 && i / Math.floor(want / Math.max(1, options.urgent)) < options.urgent;
    const priority: Priority = urgent ? (random() < 0.25 ? 'critical' : 'high') : 'normal';
    const category: Category = priority === 'critical' ? 'pipe_burst' : priority === 'high' ? (random() < 0.5 ? 'pipe_burst' : 'visible_leak') : (['visible_leak', 'meter_leak', 'no_water', 'other'] as const)[Math.floor(random() * 4)];
    // Normal backlog of up to three days; urgent ones came in overnight.
    const receivedMinutesBefore = priority === 'normal' ? Math.floor(random() * 3 * 24 * 60) : Math.floor(random() * 10 * 60);
    return { lat: p.lat, lon: p.lon, priority, category, serviceSeconds: serviceSecondsOf(category, priority), receivedMinutesBefore, areaCode: p.areaCode };
  });
  const counts = { urgent: tickets.filter((t) => t.priority !== 'normal').length };
  // Top up or trim so the urgent count is exact.
  for (let i = tickets.length - 1; counts.urgent < options.urgent && i >= 0; i--) {
    if (tickets[i].priority === 'normal') {
      tickets[i] = { ...tickets[i], priority: 'high', category: 'pipe_burst', serviceSeconds: serviceSecondsOf('pipe_burst', 'high'), receivedMinutesBefore: 60 };
      counts.urgent++;
    }
  }
  const mainland = loadKelurahan()
    .filter((f) => f.properties.district !== ISLAND_DISTRICT)
    .sort((a, b) => turfArea(b) - turfArea(a) || a.properties.village_code.localeCompare(b.properties.village_code));
  const districts = [...new Set(mainland.map((f) => f.properties.district))];
  const crews: ScenarioCrew[] = [];
  for (let i = 0; i < options.crews; i++) {
    // Round-robin over the kecamatan, each time the next-largest kelurahan in it.
    const district = districts[i % districts.length];
    const inDistrict = mainland.filter((f) => f.properties.district === district);
    const f = inDistrict[Math.floor(i / districts.length) % inDistrict.length];
    const [lon, lat] = pointOnFeature(f).geometry.coordinates;
    crews.push({ code: `URC-${String(i + 1).padStart(3, '0')}`, lat, lon, shiftStart: '08:00', shiftEnd: '16:00' });
  }
  return { tickets, crews };
}

// ---------------------------------------------------------------- the benchmark

const PLAN_DATE = '2026-11-24';
/** 06:00 WITA on the plan day: the dispatcher plans before the shifts start. */
const NOW = new Date('2026-11-23T22:00:00Z');

/** Writes the scenario as a utility of its own: crews, a dispatcher, tickets with SPKs. */
async function seedScenario(db: Db, code: string, scenario: Scenario): Promise<{ utility: Utility; user: StaffUser }> {
  await db('utilities').where({ code }).delete();
  const [{ id: utilityId }] = await db('utilities')
    .insert({
      code,
      name: `Benchmark ${code}`,
      time_zone: TIME_ZONE,
      service_area: db.raw("ST_GeogFromText('SRID=4326;MULTIPOLYGON(((119.2 -5.3,119.6 -5.3,119.6 -4.9,119.2 -4.9,119.2 -5.3)))')"),
      settings: '{}',
    })
    .returning('id');
  const crewRows = scenario.crews.map((c) => ({
    utility_id: utilityId,
    code: c.code,
    name: `Crew ${c.code}`,
    base: `SRID=4326;POINT(${c.lon.toFixed(7)} ${c.lat.toFixed(7)})`,
    shifts: JSON.stringify(everyDay(c.shiftStart, c.shiftEnd)),
  }));
  await db('crews').insert(crewRows);
  const [{ id: userId }] = await db('staff_users')
    .insert({ utility_id: utilityId, username: 'dispatcher', display_name: 'Dispatcher', role: 'dispatcher', password_hash: 'scrypt$1$1$1$x$y' })
    .returning('id');
  const dayStart = zonedTimeToUtc(PLAN_DATE, '00:00', TIME_ZONE).getTime();
  const settings = resolveSettings({});
  const rows = scenario.tickets.map((t, i) => {
    const received = new Date(dayStart - t.receivedMinutesBefore * 60_000);
    const due = slaDueTimes(settings, t.priority, received);
    return {
      utility_id: utilityId,
      number: `LK-B-${String(i + 1).padStart(6, '0')}`,
      source: 'app',
      location: `SRID=4326;POINT(${t.lon.toFixed(7)} ${t.lat.toFixed(7)})`,
      h3_cell: latLngToCell(t.lat, t.lon, settings.h3Resolution),
      address: `Kelurahan ${t.areaCode}`,
      description: 'Kebocoran (benchmark)',
      category: t.category,
      priority: t.priority,
      status: 'spk_issued',
      received_at: received,
      spk_issued_at: received,
      respond_due_at: due.respondDueAt,
      resolve_due_at: due.resolveDueAt,
      updated_at: received,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db('tickets').insert(rows.slice(i, i + 1000));
  const utility: Utility = { id: utilityId, code, name: `Benchmark ${code}`, timeZone: TIME_ZONE, settings };
  const user: StaffUser = { id: userId, utilityId, username: 'dispatcher', displayName: 'Dispatcher', role: 'dispatcher', crewId: null, active: true };
  return { utility, user };
}

interface Row {
  size: string;
  seconds: number;
  solveSeconds: number;
  rssMb: number;
  plan: Summary;
  baseline: Summary;
}
interface Summary {
  served: { critical: number; high: number; normal: number; total: number };
  km: number;
  hours: number;
  longestDayHours: number;
  unplanned: number;
}

function printTable(rows: Row[]): void {
  const head = ['tickets/crews', 'e2e s', 'solve s', 'rss MB', 'who', 'served C+H', 'served N', 'served', 'km', 'hours', 'longest h', 'km/ticket'];
  const lines: string[][] = [];
  for (const r of rows) {
    for (const [who, s] of [['plan', r.plan], ['baseline', r.baseline]] as const) {
      lines.push([
        who === 'plan' ? r.size : '',
        who === 'plan' ? r.seconds.toFixed(2) : '',
        who === 'plan' ? r.solveSeconds.toFixed(2) : '',
        who === 'plan' ? r.rssMb.toFixed(0) : '',
        who,
        String(s.served.critical + s.served.high),
        String(s.served.normal),
        String(s.served.total),
        s.km.toFixed(1),
        s.hours.toFixed(1),
        s.longestDayHours.toFixed(2),
        (s.km / Math.max(1, s.served.total)).toFixed(2),
      ]);
    }
    const saved = r.baseline.km > 0 ? (100 * (r.baseline.km - r.plan.km)) / r.baseline.km : 0;
    lines.push(['', '', '', '', 'saving', '', '', `${r.plan.served.total - r.baseline.served.total >= 0 ? '+' : ''}${r.plan.served.total - r.baseline.served.total}`, `${saved.toFixed(0)}%`, '', '', '']);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(fmt(l));
}

interface DayRow {
  scenario: string;
  who: string;
  served: number;
  high: string;
  km: number;
  travelH: number;
  makespan: number;
  seconds: number | null;
  /** CPU seconds of this process during the run (the machine may be shared: wall time / CPU time shows the load). */
  cpu?: number;
  note?: string;
}

const hm = (s: number) => `${String(8 + Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;

function printDays(rows: DayRow[]): void {
  const head = ['day', 'method', 'High served', 'served', 'km', 'travel h', 'makespan', 'time s', 'cpu s', 'km/served'];
  const lines = rows.map((r) => [r.scenario, r.who, r.high, String(r.served), r.km.toFixed(1), r.travelH.toFixed(1), hm(r.makespan), r.seconds === null ? '' : r.seconds < 0.1 ? r.seconds.toFixed(4) : r.seconds.toFixed(2), r.cpu === undefined ? '' : r.cpu.toFixed(2), (r.km / Math.max(1, r.served)).toFixed(2)]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const l of lines) console.log(fmt(l));
}

/** The public days: VROOM's figures, the fair baseline and the planner, scored alike. */
function runPublicDays(sizes: ('s' | 'm' | 'l')[], budgets: number[], options: { iterations?: number; zonesOff: boolean; plannerSeeds?: number }): void {
  const refs = referenceResults();
  const rows: DayRow[] = [];
  const reached: string[] = [];
  // As the product's solver threads do before their first plan: the first day is not cut short by the compiler.
  warmUpPlanner(readmeTravel());
  sizes.forEach((size, n) => {
    const day = loadDay(size);
    const budgetMs = budgets[Math.min(n, budgets.length - 1)];
    const name = size;
    for (const r of refs.get(day.scenario) ?? []) {
      if (r.method.startsWith('ping-pong')) continue;
      rows.push({ scenario: name, who: r.method, served: r.served, high: `${r.highServed}/${day.tickets.filter((t) => t.priority === 'High').length}`, km: r.km, travelH: r.travelHours ?? NaN, makespan: r.makespanSeconds ?? NaN, seconds: r.wallSeconds ?? null });
    }
    const input = planInputOf(day, { budgetMs: options.iterations ? 1e9 : budgetMs });
    input.clockMs = budgetClock;
    if (options.iterations) input.iterationScale = options.iterations;
    const t0 = performance.now();
    const base = firstComeFirstServed(input.tickets, input.crews, { travel: input.travel });
    const baseS = (performance.now() - t0) / 1000;
    const b = scorePlan(day, asReadmePlan(input, base.routes));
    rows.push({ scenario: name, who: 'fair baseline (ours)', served: b.served, high: `${b.highServed}/${b.highTotal}`, km: b.km, travelH: b.travelHours, makespan: b.makespanSeconds, seconds: baseS });
    // One planDay run, timed and scored with the README's scorer, as a row of the table.
    const planned = (who: string, extra: Partial<PlanInput>) => {
      const t1 = performance.now();
      const c1 = cpuSeconds();
      const plan = planDay({ ...input, ...extra });
      const seconds = (performance.now() - t1) / 1000;
      const cpu = cpuSeconds() - c1;
      const score = scorePlan(day, asReadmePlan(input, plan.routes));
      if (score.islandsServed.length > 0) throw new Error(`${size}: island tickets planned: ${score.islandsServed.join(', ')}`);
      rows.push({ scenario: name, who, served: score.served, high: `${score.highServed}/${score.highTotal}`, km: score.km, travelH: score.travelHours, makespan: score.makespanSeconds, seconds, cpu });
      return { plan, score };
    };
    const variants: [string, boolean][] = [[`Tirta planDay, ${options.iterations ? `effort x${options.iterations}` : `${budgetMs} ms`}`, true]];
    if (options.zonesOff) variants.push(['  same, zones off', false]);
    for (const [who, zones] of variants) {
      const { plan } = planned(who, { zones });
      const islands = plan.unplanned.filter((u) => u.reason === 'no_crew_in_reach').map((u) => input.tickets[u.ticket].id);
      if (zones) console.error(`${size}: island tickets left unplanned (no_crew_in_reach): ${islands.join(', ')}`);
    }
    // The same plan under other seeds of the planner's random choices: how often the day reaches VROOM's best.
    if (options.plannerSeeds) {
      const peer = (refs.get(day.scenario) ?? []).filter((r) => !r.method.startsWith('ping-pong')).sort((a, b) => b.served - a.served || a.km - b.km)[0];
      let reaching = 0;
      for (let seed = 1; seed <= options.plannerSeeds; seed++) {
        const { score } = planned(`  planner seed ${seed}`, { seed });
        if (peer && score.served >= peer.served && score.highServed >= peer.highServed && score.km <= peer.km) reaching++;
      }
      if (peer) reached.push(`${name}: ${reaching} of ${options.plannerSeeds} planner seeds serve >= ${peer.served} (High >= ${peer.highServed}) on <= ${peer.km.toFixed(1)} km (${peer.method})`);
    }
  });
  console.log('\nPublic Makassar days (../shared/bench/planning; README travel rule and scorer; VROOM rows from results.json)\n');
  printDays(rows);
  console.log('\nTarget: High served and served >= VROOM\'s best, km <= its km, within 2 s (m) and 10 s (l). VROOM and baseline times are from results.json\'s machine.');
  for (const line of reached) console.log(line);
}

/** The planner's budget clock (--clock wall: the default monotonic clock). */
let budgetClock: (() => number) | undefined;

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Time budgets: planDay on a public day at each requested budget (three runs each), and the time it took. */
function runBudgets(size: 's' | 'm' | 'l', budgets: number[]): void {
  const day = loadDay(size);
  // As the product's solver thread does when it starts (platform/solver/worker.ts).
  warmUpPlanner(readmeTravel());
  console.log(`\nTime budgets (planDay on day ${size}, after the solver thread's warm-up, three runs each; target: wall time within 10 % of the budget, always a feasible plan)\n`);
  console.log('| budget ms | wall ms (median) | wall ms (max) | max / budget | cpu ms (max) | served | High | km |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const budgetMs of budgets) {
    const walls: number[] = [];
    const cpus: number[] = [];
    let score: Score | null = null;
    for (let run = 0; run < 3; run++) {
      const input = planInputOf(day, { budgetMs });
      input.clockMs = budgetClock;
      const t0 = performance.now();
      const c0 = cpuSeconds();
      const plan = planDay(input);
      walls.push(performance.now() - t0);
      cpus.push((cpuSeconds() - c0) * 1000);
      // scorePlan throws on an infeasible plan (a ticket twice, a crew back after its shift).
      score = scorePlan(day, asReadmePlan(input, plan.routes));
    }
    walls.sort((a, b) => a - b);
    const max = walls[2];
    console.log(`| ${budgetMs} | ${walls[1].toFixed(0)} | ${max.toFixed(0)} | ${(max / budgetMs).toFixed(2)} | ${Math.max(...cpus).toFixed(0)} | ${score!.served} | ${score!.highServed}/${score!.highTotal} | ${score!.km.toFixed(1)} |`);
  }
}

/** A uniform city day at scale: time and peak memory of planDay. */
function runScale(tickets: number, crews: number, budgetMs: number): void {
  const day = syntheticDay(tickets, crews, 11);
  const input = planInputOf(day, { budgetMs });
  input.clockMs = budgetClock;
  // The solve is synchronous: heap sampled at each step of the pipeline, RSS as the process's peak (maxRSS).
  let peakHeap = process.memoryUsage().heapUsed;
  const steps: string[] = [];
  input.onStep = (step, ms) => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    steps.push(`${step} ${(ms / 1000).toFixed(1)}`);
  };
  input.onRefine = (iterations, improvements, worth) => steps.push(`(prize search: ${iterations} iterations, ${improvements} better days, a Normal ticket worth ${worth ?? '-'} m)`);
  const t0 = performance.now();
  const plan = planDay(input);
  const planS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const base = firstComeFirstServed(input.tickets, input.crews, { travel: input.travel });
  const baseS = (performance.now() - t1) / 1000;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const score = scorePlan(day, asReadmePlan(input, plan.routes));
  const b = scorePlan(day, asReadmePlan(input, base.routes));
  console.log(`\nScaling: ${tickets} tickets / ${crews} crews (generated uniformly over the Makassar mainland, budget ${budgetMs} ms)\n`);
  console.log('| tickets/crews | plan s | baseline s | peak RSS MB | peak heap MB (at steps) | served | High | km | baseline served | baseline km |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${tickets}/${crews} | ${planS.toFixed(2)} | ${baseS.toFixed(3)} | ${(peakRss / 2 ** 20).toFixed(0)} | ${(peakHeap / 2 ** 20).toFixed(0)} | ${score.served} | ${score.highServed}/${score.highTotal} | ${score.km.toFixed(1)} | ${b.served} | ${b.km.toFixed(1)} |`);
  console.log(`\nSteps (s from the start): ${steps.join(', ')}`);
  console.log('Target: under 30 s and 1 GB; the baseline cheaper than the solve.');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: 's,m,l' },
      'budget-ms': { type: 'string', default: '2000,2000,10000' },
      effort: { type: 'string' },
      zones: { type: 'string', default: 'compare' },
      scale: { type: 'string', default: '20000:400' },
      'scale-budget-ms': { type: 'string', default: '20000' },
      budgets: { type: 'string', default: '100,200,500,1000' },
      clock: { type: 'string', default: 'wall' },
      'budgets-day': { type: 'string', default: 'm' },
      e2e: { type: 'string' },
      seed: { type: 'string', default: '7' },
      'planner-seeds': { type: 'string' },
    },
  });
  // 'cpu': budgets on this process's CPU time, for figures a quiet machine would give on a shared, loaded one.
  if (values.clock === 'cpu') budgetClock = () => cpuSeconds() * 1000;
  const days = values.days ? (values.days.split(',').filter(Boolean) as ('s' | 'm' | 'l')[]) : [];
  if (days.length) runPublicDays(days, values['budget-ms'].split(',').map(Number), { iterations: values.effort ? Number(values.effort) : undefined, zonesOff: values.zones === 'compare', plannerSeeds: values['planner-seeds'] ? Number(values['planner-seeds']) : undefined });
  if (values.budgets && values.budgets !== 'none') runBudgets(values['budgets-day'] as 's' | 'm' | 'l', values.budgets.split(',').map(Number));
  if (values.scale && values.scale !== 'none') {
    const [t, c] = values.scale.split(':').map(Number);
    runScale(t, c, Number(values['scale-budget-ms']));
  }
  if (values.e2e) await runE2e(values.e2e, Number(values.seed));
}

async function runE2e(sizesArg: string, seed: number): Promise<void> {
  const sizes = sizesArg.split(',').map((s) => s.split(':').map(Number) as [number, number]);
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tirta_bench_plan';
  await ensureDatabase(url);
  const db = createDb(url, 4);
  try {
    await migrate(db);
    const config = loadConfig();
    const ctx: AppContext = { db, config, photos: new PhotoStore(config.photoDir), now: () => NOW };
    const rows: Row[] = [];
    for (const [total, crews] of sizes) {
      // The brief's mix: 1,000 Normal + 60 Critical/High for 1,060; the same share above.
      const urgent = Math.round((total * 60) / 1060);
      const scenario = makassarScenario({ normal: total - urgent, urgent, crews, seed });
      const { utility, user } = await seedScenario(db, `bench-${total}-${crews}`, scenario);
      const started = performance.now();
      const plan = await createPlan(ctx, utility, user, { date: PLAN_DATE });
      const seconds = (performance.now() - started) / 1000;
      const rssMb = process.memoryUsage().rss / 1024 / 1024;
      const planned = new Set<number>();
      for (const r of plan.routes) {
        for (const s of r.stops) {
          if (planned.has(s.ticketId)) throw new Error(`ticket ${s.ticketId} is in two routes`);
          planned.add(s.ticketId);
        }
        if (Date.parse(r.endAt) > Date.parse(r.shiftEndAt)) throw new Error(`crew ${r.crewCode} runs past its shift`);
      }
      for (const u of plan.unplanned) if (planned.has(u.ticketId)) throw new Error(`ticket ${u.ticketId} is both planned and unplanned`);
      if (planned.size + plan.unplanned.length !== scenario.tickets.length) throw new Error('a ticket is neither planned nor unplanned');
      rows.push({ size: `${total}/${crews}`, seconds, solveSeconds: plan.solveMs / 1000, rssMb, plan: plan.summary, baseline: plan.baseline });
      console.error(`planned ${total} tickets with ${crews} crews in ${seconds.toFixed(2)} s (solver ${(plan.solveMs / 1000).toFixed(2)} s)`);
    }
    console.log(`\nDaily plan vs first come, first served (seed ${seed}; ${PLAN_DATE}, shifts 08:00-16:00; detour ${defaultSettings.detourFactor}, ${defaultSettings.speedKmh} km/h)\n`);
    printTable(rows);
    console.log('\ne2e: database read -> zones -> per-crew solves -> stored plan -> read back. Targets: 1060/25 <= 3 s, 5000/100 <= 20 s.');
  } finally {
    await db.destroy();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
