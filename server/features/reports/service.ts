import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { openStatuses, type Priority, type TicketStatus } from '../../core/domain/tickets.js';
import { untriagedTargetOf } from '../../core/domain/sla.js';
import {
  complaintDimensions,
  openTicketsReceivedBy,
  outcomeGroups,
  outcomeGroupsAndBreaches,
  regionAndCrewNames,
  repeatFixGroups,
  slaDimensions,
  upsertPendingExplanation,
  type Dimensions,
  type GroupRow,
  type OutcomeScope,
} from './repository.js';
import type { Window } from './period.js';
import type { Table } from './view.js';

/**
 * The management reports, one SQL round trip or two each (the SQL is in
 * repository.ts). Definitions (also in docs/sla-and-reports.md); the SLA
 * outcome is the one rule of core/domain/sla.ts, read in SQL from
 * ticket_sla_outcomes, the same function the escalation scan reads:
 *
 * - A ticket belongs to the window in which it was received.
 * - Respond is met at the first assignment of a crew; resolve while fixed
 *   (fixed_at, or closed). Untriaged tickets are held to the Normal targets;
 *   rejected ones have no SLA. A target is met when reached at or before its
 *   due time, breached when reached late or unmet past due as of `now`, and
 *   pending otherwise. Attainment = met / (met + breached).
 * - Mean time to respond / resolve: from intake to the first assignment / the
 *   fix, over the tickets that got there.
 */

const HOUR = 3_600_000;

export interface SlaCounts {
  met: number;
  breached: number;
  pending: number;
  /** met / (met + breached); null when nothing was decided yet. */
  attainment: number | null;
}

export interface GroupStats {
  key: string;
  tickets: number;
  respond: SlaCounts;
  resolve: SlaCounts;
  meanMinutesToRespond: number | null;
  meanMinutesToResolve: number | null;
}

/** The tickets received in the window, their outcomes as of `now` against the utility's targets. */
function scopeOf(utility: Utility, w: Window, now: Date): OutcomeScope {
  return { utilityId: utility.id, from: w.from, to: w.to, now, untriaged: untriagedTargetOf(utility.settings) };
}

function counts(met: number, breached: number, pending: number): SlaCounts {
  return { met, breached, pending, attainment: met + breached > 0 ? met / (met + breached) : null };
}

const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

function toStats(r: Omit<GroupRow, 'dimension'> & { key?: string }): GroupStats {
  return {
    key: r.key ?? 'total',
    tickets: r.tickets,
    respond: counts(r.respond_met, r.respond_breached, r.respond_pending),
    resolve: counts(r.resolve_met, r.resolve_breached, r.resolve_pending),
    meanMinutesToRespond: round1(r.mean_respond),
    meanMinutesToResolve: round1(r.mean_resolve),
  };
}

/**
 * Region and crew names, looked up after aggregating: grouping 50,000 rows by
 * an integer id and naming the handful of groups is ~20x faster here than
 * grouping by the joined name.
 */
async function namesOf(db: Runner, utilityId: number) {
  const { regions, crews } = await regionAndCrewNames(db, utilityId);
  const regionNames = new Map<number, string>(regions.map((r) => [r.id, r.name]));
  const crewNames = new Map<number, string>(crews.map((c) => [c.id, c.name]));
  return {
    region: (id: number | null) => (id === null ? '(no region)' : (regionNames.get(id) ?? `region ${id}`)),
    crew: (id: number | null) => (id === null ? '(no crew)' : (crewNames.get(id) ?? `crew ${id}`)),
  };
}

type Names = Awaited<ReturnType<typeof namesOf>>;

function groupsOf(rows: GroupRow[], dimensions: Dimensions, names: Names) {
  const dimNames = Object.keys(dimensions);
  const keyOf = (r: GroupRow): string => {
    if (r.dimension === 'total') return 'total';
    const column = dimensions[r.dimension];
    const raw = r[`d_${r.dimension}`];
    if (column === 'region_id') return names.region(raw === null ? null : Number(raw));
    if (column === 'crew_id') return names.crew(raw === null ? null : Number(raw));
    return raw ?? '(none)';
  };
  const out: Record<string, GroupStats[]> = Object.fromEntries([...dimNames, 'total'].map((n) => [n, []]));
  for (const r of rows) out[r.dimension].push(toStats({ ...r, key: keyOf(r) }));
  for (const n of dimNames) out[n].sort((a, b) => b.tickets - a.tickets || a.key.localeCompare(b.key));
  const total = out.total[0] ?? toStats({ key: 'total', tickets: 0, respond_met: 0, respond_breached: 0, respond_pending: 0, resolve_met: 0, resolve_breached: 0, resolve_pending: 0 });
  return { groups: out, total };
}

async function groupedStats(db: Runner, utility: Utility, w: Window, now: Date, dimensions: Dimensions, names: Names) {
  return groupsOf(await outcomeGroups(db, scopeOf(utility, w, now), dimensions), dimensions, names);
}

const statsTableColumns = (keyHeader: string) => [
  { key: 'key', header: keyHeader },
  { key: 'tickets', header: 'Tickets', kind: 'int' as const },
  { key: 'respondMet', header: 'Respond met', kind: 'int' as const },
  { key: 'respondBreached', header: 'Respond breached', kind: 'int' as const },
  { key: 'respondPending', header: 'Respond pending', kind: 'int' as const },
  { key: 'respondAttainment', header: 'Respond attainment', kind: 'percent' as const },
  { key: 'resolveMet', header: 'Resolve met', kind: 'int' as const },
  { key: 'resolveBreached', header: 'Resolve breached', kind: 'int' as const },
  { key: 'resolvePending', header: 'Resolve pending', kind: 'int' as const },
  { key: 'resolveAttainment', header: 'Resolve attainment', kind: 'percent' as const },
  { key: 'meanMinutesToRespond', header: 'Mean minutes to respond', kind: 'number' as const },
  { key: 'meanMinutesToResolve', header: 'Mean minutes to resolve', kind: 'number' as const },
];

const statsRow = (s: GroupStats) => ({
  key: s.key,
  tickets: s.tickets,
  respondMet: s.respond.met,
  respondBreached: s.respond.breached,
  respondPending: s.respond.pending,
  respondAttainment: s.respond.attainment,
  resolveMet: s.resolve.met,
  resolveBreached: s.resolve.breached,
  resolvePending: s.resolve.pending,
  resolveAttainment: s.resolve.attainment,
  meanMinutesToRespond: s.meanMinutesToRespond,
  meanMinutesToResolve: s.meanMinutesToResolve,
});

function statsTable(name: string, title: string, keyHeader: string, groups: GroupStats[]): Table {
  return { name, title, columns: statsTableColumns(keyHeader), rows: groups.map(statsRow) };
}

export interface ReportResult<T> {
  data: T;
  tables: Table[];
  /** File name without extension. */
  filename: string;
}

const windowOf = (w: Window) => ({ from: w.firstDate, to: w.lastDate, fromInstant: w.from.toISOString(), toInstant: w.to.toISOString() });

// ---------------------------------------------------------------- complaints

/** The daily / monthly / yearly complaint report. */
export async function complaintsReport(db: Runner, utility: Utility, period: { kind: 'day' | 'month' | 'year'; value: string }, w: Window, now: Date) {
  // `series` is the period's own time line: hours of a day, days of a month, months of a year (local time).
  const dims = complaintDimensions(utility.timeZone, period.kind);
  const { groups, total } = await groupedStats(db, utility, w, now, dims, await namesOf(db, utility.id));
  groups.series.sort((a, b) => a.key.localeCompare(b.key));
  const data = {
    report: 'complaints',
    period: period.kind,
    date: period.value,
    timeZone: utility.timeZone,
    window: windowOf(w),
    asOf: now.toISOString(),
    total,
    byChannel: groups.channel,
    byCategory: groups.category,
    byPriority: groups.priority,
    byStatus: groups.status,
    byRegion: groups.region,
    /** Per hour (daily report), day (monthly) or month (yearly), local time; buckets without reports are left out. */
    series: groups.series,
  };
  const tables: Table[] = [
    statsTable('Total', `Complaints ${period.value}: total`, 'Scope', [total]),
    statsTable('By channel', 'By channel', 'Channel', groups.channel),
    statsTable('By category', 'By category', 'Category', groups.category),
    statsTable('By priority', 'By priority', 'Priority', groups.priority),
    statsTable('By status', 'By status', 'Status', groups.status),
    statsTable('By region', 'By region', 'Region', groups.region),
    statsTable(`By ${{ day: 'hour', month: 'day', year: 'month' }[period.kind]}`, `By ${{ day: 'hour', month: 'day', year: 'month' }[period.kind]}`, { day: 'Hour', month: 'Day', year: 'Month' }[period.kind], groups.series),
  ];
  return { data, tables, filename: `complaints-${period.kind}-${period.value}` } satisfies ReportResult<typeof data>;
}

// ---------------------------------------------------------------- SLA

export interface BreachRow {
  ticketId: number;
  number: string;
  priority: Priority | null;
  region: string;
  crew: string;
  kind: 'respond' | 'resolve';
  dueAt: Date;
  metAt: Date | null;
  lateMinutes: number;
  escalatedTo: string | null;
  escalationLevel: number | null;
}

/** SLA attainment by priority, region and crew, and the breaches themselves. */
export async function slaReport(db: Runner, utility: Utility, w: Window, now: Date, options: { breachLimit: number }) {
  const dims = slaDimensions;
  const names = await namesOf(db, utility.id);
  const result = await outcomeGroupsAndBreaches(db, scopeOf(utility, w, now), dims, options.breachLimit);
  const { groups, total } = groupsOf(result.groups, dims, names);
  const breaches: BreachRow[] = result.breaches
    .map((r) => {
      const dueAt = new Date(r.due);
      const metAt = r.met ? new Date(r.met) : null;
      return {
        ticketId: r.id,
        number: r.number,
        priority: r.priority as Priority | null,
        region: names.region(r.region_id),
        crew: names.crew(r.crew_id),
        kind: r.kind,
        dueAt,
        metAt,
        lateMinutes: Math.round(((metAt ?? now).getTime() - dueAt.getTime()) / 60_000),
        escalatedTo: r.escalated_to,
        escalationLevel: r.escalation_level,
      };
    })
    .sort((a: BreachRow, b: BreachRow) => a.dueAt.getTime() - b.dueAt.getTime() || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
  const totalBreaches = total.respond.breached + total.resolve.breached;
  const data = {
    report: 'sla',
    timeZone: utility.timeZone,
    window: windowOf(w),
    asOf: now.toISOString(),
    total,
    byPriority: groups.priority,
    byRegion: groups.region,
    byCrew: groups.crew,
    breaches: { total: totalBreaches, listed: breaches.length, items: breaches.map((b) => ({ ...b, dueAt: b.dueAt.toISOString(), metAt: b.metAt?.toISOString() ?? null })) },
  };
  const tables: Table[] = [
    statsTable('By priority', 'SLA attainment by priority', 'Priority', [...groups.priority, total]),
    statsTable('By region', 'SLA attainment by region', 'Region', groups.region),
    statsTable('By crew', 'SLA attainment by crew', 'Crew', groups.crew),
    {
      name: 'Breaches',
      title: `Breaches (${breaches.length} of ${totalBreaches})`,
      columns: [
        { key: 'number', header: 'Ticket' },
        { key: 'priority', header: 'Priority' },
        { key: 'region', header: 'Region' },
        { key: 'crew', header: 'Crew' },
        { key: 'kind', header: 'Target' },
        { key: 'dueAt', header: 'Due', kind: 'datetime' },
        { key: 'metAt', header: 'Met', kind: 'datetime' },
        { key: 'lateMinutes', header: 'Minutes late', kind: 'int' },
        { key: 'escalatedTo', header: 'Escalated to' },
      ],
      rows: breaches.map((b) => ({ ...b, priority: b.priority ?? 'untriaged' })),
    },
  ];
  return { data, tables, filename: `sla-${w.firstDate}-${w.lastDate}` } satisfies ReportResult<typeof data>;
}

// ---------------------------------------------------------------- repeats

export interface RepeatGroup {
  key: string;
  fixes: number;
  returned: number;
  /** returned / fixes; null without fixes. */
  rate: number | null;
}

/**
 * Fixes that did not hold. Until repeat reports exist, a fix "did not hold"
 * when the next fix-or-return event of its ticket is a return to the crew
 * (admin: fixed -> assigned). Fixes are counted in the window in which they
 * were made, and credited to the crew of the staff member who reported the fix.
 */
export async function repeatsReport(db: Runner, utility: Utility, w: Window) {
  const rows = await repeatFixGroups(db, utility.id, w.from, w.to);
  const names = await namesOf(db, utility.id);
  const keyOf = (r: (typeof rows)[number]) => (r.dimension === 'crew' ? names.crew(r.crew_id) : r.dimension === 'region' ? names.region(r.region_id) : 'total');
  const groups: Record<string, RepeatGroup[]> = { crew: [], region: [], total: [] };
  for (const r of rows) groups[r.dimension].push({ key: keyOf(r), fixes: r.fixes, returned: r.returned, rate: r.fixes ? r.returned / r.fixes : null });
  for (const k of ['crew', 'region']) groups[k].sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.fixes - a.fixes || a.key.localeCompare(b.key));
  const total = groups.total[0] ?? { key: 'total', fixes: 0, returned: 0, rate: null };
  const definition =
    'Share of fixes that did not hold: a fix counts as not held when its ticket was next sent back to the crew (return_to_crew, fixed -> assigned) before any later fix. Fixes are counted in the window they were made, per the crew that reported the fix. Repeat reports from citizens will be added to the numerator when they exist.';
  const data = { report: 'repeats', timeZone: utility.timeZone, window: windowOf(w), definition, total, byCrew: groups.crew, byRegion: groups.region };
  const columns = (keyHeader: string) => [
    { key: 'key', header: keyHeader },
    { key: 'fixes', header: 'Fixes', kind: 'int' as const },
    { key: 'returned', header: 'Did not hold', kind: 'int' as const },
    { key: 'rate', header: 'Repeat rate', kind: 'percent' as const },
  ];
  const tables: Table[] = [
    { name: 'By crew', title: 'Repeat rate by crew', columns: columns('Crew'), rows: [...groups.crew, total] as unknown as Record<string, unknown>[] },
    { name: 'By region', title: 'Repeat rate by region', columns: columns('Region'), rows: groups.region as unknown as Record<string, unknown>[] },
  ];
  return { data, tables, filename: `repeats-${w.firstDate}-${w.lastDate}` } satisfies ReportResult<typeof data>;
}

// ---------------------------------------------------------------- pending over 24 h

export interface PendingRow {
  ticketId: number;
  number: string;
  receivedAt: Date;
  ageHours: number;
  priority: Priority | null;
  status: TicketStatus;
  region: string | null;
  crew: string | null;
  address: string | null;
  explanation: string | null;
  explainedBy: string | null;
  explainedAt: Date | null;
}

/** Tickets still open more than `minHours` after intake: the directors' weekly list, oldest first. */
export async function pendingReport(db: Runner, utility: Utility, now: Date, minHours: number) {
  const cutoff = new Date(now.getTime() - minHours * HOUR);
  const rows = await openTicketsReceivedBy(db, utility.id, openStatuses, cutoff);
  const items: PendingRow[] = rows.map((r) => ({
    ticketId: r.id,
    number: r.number,
    receivedAt: r.received_at,
    ageHours: Math.round(((now.getTime() - r.received_at.getTime()) / HOUR) * 10) / 10,
    priority: r.priority,
    status: r.status,
    region: r.region,
    crew: r.crew,
    address: r.address,
    explanation: r.explanation,
    explainedBy: r.explained_by,
    explainedAt: r.explained_at,
  }));
  const byPriority: Record<string, number> = {};
  for (const i of items) byPriority[i.priority ?? 'untriaged'] = (byPriority[i.priority ?? 'untriaged'] ?? 0) + 1;
  const data = {
    report: 'pending',
    timeZone: utility.timeZone,
    asOf: now.toISOString(),
    minHours,
    total: items.length,
    explained: items.filter((i) => i.explanation).length,
    byPriority,
    items: items.map((i) => ({ ...i, receivedAt: i.receivedAt.toISOString(), explainedAt: i.explainedAt?.toISOString() ?? null })),
  };
  const tables: Table[] = [
    {
      name: `Pending over ${minHours} h`,
      title: `Tickets pending over ${minHours} h`,
      columns: [
        { key: 'number', header: 'Ticket' },
        { key: 'receivedAt', header: 'Received', kind: 'datetime' },
        { key: 'ageHours', header: 'Age (hours)', kind: 'number' },
        { key: 'priority', header: 'Priority' },
        { key: 'region', header: 'Region' },
        { key: 'status', header: 'Status' },
        { key: 'crew', header: 'Crew' },
        { key: 'address', header: 'Address' },
        { key: 'explanation', header: 'Explanation (Kabag)' },
        { key: 'explainedBy', header: 'Explained by' },
        { key: 'explainedAt', header: 'Explained at', kind: 'datetime' },
      ],
      rows: items.map((i) => ({ ...i, priority: i.priority ?? 'untriaged' })),
    },
  ];
  return { data, tables, filename: `pending-${minHours}h-${now.toISOString().slice(0, 10)}` } satisfies ReportResult<typeof data>;
}

/** Records (or replaces) the Kabag's explanation of a pending ticket; false when the ticket is not the utility's. */
export async function explainPending(db: Runner, utilityId: number, ticketId: number, userId: number, explanation: string, at: Date): Promise<boolean> {
  return upsertPendingExplanation(db, { utilityId, ticketId, explanation, explainedBy: userId, at });
}
