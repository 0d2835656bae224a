import type { Knex } from 'knex';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { openStatuses, type Priority, type TicketStatus } from '../../core/domain/tickets.js';
import type { Window } from './period.js';
import type { Table } from './view.js';

/**
 * The management reports, one SQL round trip or two each. Definitions (also
 * in docs/sla-and-reports.md), the same as the escalation rules of
 * server/domain/sla.ts:
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

/** The facts of each ticket received in the window, with its SLA outcomes as of `now`. */
function outcomesCte(utility: Utility, w: Window, now: Date): { sql: string; bindings: Knex.RawBinding[] } {
  const normal = utility.settings.sla.normal;
  return {
    sql: `
    facts AS (
      SELECT t.id, t.number, t.source, t.category, t.priority, t.status, t.region_id, t.crew_id, t.received_at,
             COALESCE(t.respond_due_at, t.received_at + ?::int * interval '1 minute') AS respond_due,
             COALESCE(t.resolve_due_at, t.received_at + ?::int * interval '1 minute') AS resolve_due,
             COALESCE(fa.first_at, t.assigned_at) AS responded_at,
             COALESCE(t.fixed_at, CASE WHEN t.status = 'closed' THEN t.closed_at END) AS resolved_at
        FROM tickets t
        LEFT JOIN (SELECT ticket_id, min(at) AS first_at FROM ticket_events
                    WHERE utility_id = ? AND action = 'assign' AND at >= ? GROUP BY ticket_id) fa ON fa.ticket_id = t.id
       WHERE t.utility_id = ? AND t.received_at >= ? AND t.received_at < ? AND t.received_at <= ?
    ),
    outcomes AS (
      SELECT f.*,
             COALESCE(f.priority::text, 'untriaged') AS priority_key,
             CASE WHEN f.status = 'rejected' THEN NULL
                  WHEN f.responded_at IS NOT NULL THEN CASE WHEN f.responded_at <= f.respond_due THEN 'met' ELSE 'breached' END
                  WHEN ?::timestamptz > f.respond_due THEN 'breached' ELSE 'pending' END AS respond_outcome,
             CASE WHEN f.status = 'rejected' THEN NULL
                  WHEN f.resolved_at IS NOT NULL THEN CASE WHEN f.resolved_at <= f.resolve_due THEN 'met' ELSE 'breached' END
                  WHEN ?::timestamptz > f.resolve_due THEN 'breached' ELSE 'pending' END AS resolve_outcome
        FROM facts f
    )`,
    bindings: [normal.respondMinutes, normal.resolveMinutes, utility.id, w.from, utility.id, w.from, w.to, now, now, now],
  };
}

const statsColumns = `
  count(*)::int AS tickets,
  (count(*) FILTER (WHERE respond_outcome = 'met'))::int AS respond_met,
  (count(*) FILTER (WHERE respond_outcome = 'breached'))::int AS respond_breached,
  (count(*) FILTER (WHERE respond_outcome = 'pending'))::int AS respond_pending,
  (count(*) FILTER (WHERE resolve_outcome = 'met'))::int AS resolve_met,
  (count(*) FILTER (WHERE resolve_outcome = 'breached'))::int AS resolve_breached,
  (count(*) FILTER (WHERE resolve_outcome = 'pending'))::int AS resolve_pending,
  avg(date_part('epoch', responded_at - received_at) / 60) AS mean_respond,
  avg(date_part('epoch', resolved_at - received_at) / 60) AS mean_resolve`;

function counts(met: number, breached: number, pending: number): SlaCounts {
  return { met, breached, pending, attainment: met + breached > 0 ? met / (met + breached) : null };
}

const round1 = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

function toStats(r: Record<string, any>): GroupStats {
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
  const [regions, crews] = await Promise.all([
    db('service_regions').where({ utility_id: utilityId }).select('id', 'name'),
    db('crews').where({ utility_id: utilityId }).select('id', 'name'),
  ]);
  const regionNames = new Map<number, string>(regions.map((r) => [r.id, r.name]));
  const crewNames = new Map<number, string>(crews.map((c) => [c.id, c.name]));
  return {
    region: (id: number | null) => (id === null ? '(no region)' : (regionNames.get(id) ?? `region ${id}`)),
    crew: (id: number | null) => (id === null ? '(no crew)' : (crewNames.get(id) ?? `crew ${id}`)),
  };
}

type Names = Awaited<ReturnType<typeof namesOf>>;

/** Dimensions: name -> the outcomes column (or expression) grouped on; region_id / crew_id are named afterwards. */
type Dimensions = Record<string, string>;

/** One aggregate row per group of every dimension, and the total (GROUPING SETS: one pass). */
function groupingSql(dimensions: Dimensions, where: string): string {
  const dimNames = Object.keys(dimensions);
  const dimensionCase = `CASE ${dimNames.map((n) => `WHEN GROUPING(${dimensions[n]}) = 0 THEN '${n}'`).join(' ')} ELSE 'total' END`;
  return `SELECT ${dimensionCase} AS dimension, ${dimNames.map((n) => `(${dimensions[n]})::text AS "d_${n}"`).join(', ')}, ${statsColumns}
       FROM outcomes WHERE ${where}
      GROUP BY GROUPING SETS (${dimNames.map((n) => `(${dimensions[n]})`).join(', ')}, ())`;
}

function groupsOf(rows: Record<string, any>[], dimensions: Dimensions, names: Names) {
  const dimNames = Object.keys(dimensions);
  const keyOf = (r: Record<string, any>): string => {
    if (r.dimension === 'total') return 'total';
    const column = dimensions[r.dimension];
    const raw = r[`d_${r.dimension}`] as string | null;
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

async function groupedStats(db: Runner, utility: Utility, w: Window, now: Date, dimensions: Dimensions, names: Names, where = 'TRUE') {
  const cte = outcomesCte(utility, w, now);
  const { rows } = await db.raw(`WITH ${cte.sql} ${groupingSql(dimensions, where)}`, cte.bindings);
  return groupsOf(rows, dimensions, names);
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
  // The period's own time line: hours of a day, days of a month, months of a year (local time).
  const bucketFormat = { day: 'HH24:00', month: 'YYYY-MM-DD', year: 'YYYY-MM' }[period.kind];
  const tz = utility.timeZone.replace(/'/g, "''");
  const dims = {
    channel: 'source',
    category: 'category',
    priority: 'priority_key',
    status: 'status',
    region: 'region_id',
    series: `to_char(received_at AT TIME ZONE '${tz}', '${bucketFormat}')`,
  };
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
  const dims = { priority: 'priority_key', region: 'region_id', crew: 'crew_id' };
  const names = await namesOf(db, utility.id);
  const cte = outcomesCte(utility, w, now);
  // One statement: the outcomes are computed once (materialised: read twice) for the groups and the breaches.
  const { rows } = await db.raw(
    `WITH ${cte.sql},
     agg AS (${groupingSql(dims, `status <> 'rejected'`)}),
     breaches AS (
       SELECT id, number, priority, region_id, crew_id, 'respond' AS kind, respond_due AS due, responded_at AS met FROM outcomes WHERE respond_outcome = 'breached'
       UNION ALL
       SELECT id, number, priority, region_id, crew_id, 'resolve' AS kind, resolve_due AS due, resolved_at AS met FROM outcomes WHERE resolve_outcome = 'breached'
     ),
     listed AS (SELECT * FROM breaches ORDER BY due, number, kind LIMIT ?)
     SELECT 'group' AS part, to_jsonb(a) AS row FROM agg a
     UNION ALL
     SELECT 'breach', to_jsonb(x) FROM (
       SELECT b.*, e.role AS escalated_to, e.level AS escalation_level
         FROM listed b LEFT JOIN escalations e ON e.ticket_id = b.id AND e.kind::text = b.kind
     ) x`,
    [...cte.bindings, options.breachLimit],
  );
  const { groups, total } = groupsOf(
    rows.filter((r: { part: string }) => r.part === 'group').map((r: { row: unknown }) => r.row),
    dims,
    names,
  );
  const breaches: BreachRow[] = rows
    .filter((r: { part: string }) => r.part === 'breach')
    .map(({ row: r }: { row: Record<string, any> }) => {
      const dueAt = new Date(r.due);
      const metAt = r.met ? new Date(r.met) : null;
      return {
        ticketId: r.id,
        number: r.number,
        priority: r.priority,
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
  const { rows } = await db.raw(
    `WITH fixed_tickets AS (
       SELECT DISTINCT ticket_id FROM ticket_events WHERE utility_id = ? AND action = 'fix' AND at >= ? AND at < ?
     ),
     ev AS (
       SELECT e.ticket_id, e.action, e.at, e.actor_id,
              lead(e.action) OVER (PARTITION BY e.ticket_id ORDER BY e.at, e.id) AS next_action
         FROM ticket_events e JOIN fixed_tickets f ON f.ticket_id = e.ticket_id
        WHERE e.action IN ('fix', 'return_to_crew')
     ),
     fixes AS (
       SELECT ev.*, (ev.next_action = 'return_to_crew') AS returned,
              COALESCE(u.crew_id, t.crew_id) AS crew_id, t.region_id
         FROM ev
         JOIN tickets t ON t.id = ev.ticket_id
         LEFT JOIN staff_users u ON u.id = ev.actor_id
        WHERE ev.action = 'fix' AND ev.at >= ? AND ev.at < ?
     )
     SELECT CASE WHEN GROUPING(crew_id) = 0 THEN 'crew' WHEN GROUPING(region_id) = 0 THEN 'region' ELSE 'total' END AS dimension,
            crew_id, region_id,
            count(*)::int AS fixes,
            (count(*) FILTER (WHERE returned))::int AS returned
       FROM fixes
      GROUP BY GROUPING SETS ((crew_id), (region_id), ())`,
    [utility.id, w.from, w.to, w.from, w.to],
  );
  const names = await namesOf(db, utility.id);
  const keyOf = (r: Record<string, any>) => (r.dimension === 'crew' ? names.crew(r.crew_id) : r.dimension === 'region' ? names.region(r.region_id) : 'total');
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
  const rows = await db('tickets as t')
    .leftJoin('service_regions as r', 'r.id', 't.region_id')
    .leftJoin('crews as c', 'c.id', 't.crew_id')
    .leftJoin('pending_explanations as pe', 'pe.ticket_id', 't.id')
    .leftJoin('staff_users as u', 'u.id', 'pe.explained_by')
    .where('t.utility_id', utility.id)
    .whereIn('t.status', openStatuses as TicketStatus[])
    .where('t.received_at', '<=', cutoff)
    .orderBy('t.received_at')
    .orderBy('t.id')
    .select('t.id', 't.number', 't.received_at', 't.priority', 't.status', 't.address', 'r.name as region', 'c.name as crew', 'pe.explanation', 'u.display_name as explained_by', 'pe.explained_at');
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
  const ticket = await db('tickets').where({ id: ticketId, utility_id: utilityId }).first('id');
  if (!ticket) return false;
  await db('pending_explanations')
    .insert({ utility_id: utilityId, ticket_id: ticketId, explanation, explained_by: userId, explained_at: at })
    .onConflict('ticket_id')
    .merge(['explanation', 'explained_by', 'explained_at']);
  return true;
}
