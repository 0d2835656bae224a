import type { Knex } from 'knex';
import type { Runner } from '../../platform/db/knex.js';
import type { TicketStatus } from '../../core/domain/tickets.js';

/**
 * The reports' SQL. The SLA outcome of each ticket comes from the database
 * function ticket_sla_outcomes (sql/0008_sla_outcome.sql), the same one the
 * escalation scan reads: nothing here computes a due time or a breach.
 */

/** Which tickets a report covers, and the clock and targets their outcomes are taken at. */
export interface OutcomeScope {
  utilityId: number;
  /** Tickets received in [from, to) and not after now. */
  from: Date;
  to: Date;
  now: Date;
  /** The Normal targets an untriaged ticket is held to (the utility's resolved settings). */
  untriaged: { respondMinutes: number; resolveMinutes: number };
}

/** Dimensions: name -> the outcomes column (or expression) grouped on; region_id / crew_id are named by the caller. */
export type Dimensions = Record<string, string>;

/** The SLA report's dimensions. */
export const slaDimensions: Dimensions = { priority: 'priority_key', region: 'region_id', crew: 'crew_id' };

/** The complaint report's dimensions; `series` is the period's own time line in local time (hours, days or months). */
export function complaintDimensions(timeZone: string, period: 'day' | 'month' | 'year'): Dimensions {
  const bucketFormat = { day: 'HH24:00', month: 'YYYY-MM-DD', year: 'YYYY-MM' }[period];
  const tz = timeZone.replace(/'/g, "''");
  return {
    channel: 'source',
    category: 'category',
    priority: 'priority_key',
    status: 'status',
    region: 'region_id',
    series: `to_char(received_at AT TIME ZONE '${tz}', '${bucketFormat}')`,
  };
}

/** Each ticket of the scope with its SLA outcome, read from ticket_sla_outcomes. */
function outcomesCte(s: OutcomeScope): { sql: string; bindings: Knex.RawBinding[] } {
  return {
    sql: `
    outcomes AS (
      SELECT o.ticket_id AS id, o.number, o.source, o.category, o.priority, o.status, o.region_id, o.crew_id, o.received_at,
             COALESCE(o.priority::text, 'untriaged') AS priority_key,
             o.respond_due_at AS respond_due, o.resolve_due_at AS resolve_due, o.responded_at, o.resolved_at,
             o.respond_outcome, o.resolve_outcome
        FROM ticket_sla_outcomes(?, ?, ?, ?) o
       WHERE o.received_at >= ? AND o.received_at < ? AND o.received_at <= ?
    )`,
    bindings: [...outcomeArgs(s), s.from, s.to, s.now],
  };
}

/** The arguments of ticket_sla_outcomes(utility, now, untriaged respond minutes, untriaged resolve minutes). */
const outcomeArgs = (s: OutcomeScope): Knex.RawBinding[] => [s.utilityId, s.now, s.untriaged.respondMinutes, s.untriaged.resolveMinutes];

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

/** One aggregate row per group of every dimension, and the total (GROUPING SETS: one pass). */
function groupingSql(dimensions: Dimensions, where: string): string {
  const dimNames = Object.keys(dimensions);
  const dimensionCase = `CASE ${dimNames.map((n) => `WHEN GROUPING(${dimensions[n]}) = 0 THEN '${n}'`).join(' ')} ELSE 'total' END`;
  return `SELECT ${dimensionCase} AS dimension, ${dimNames.map((n) => `(${dimensions[n]})::text AS "d_${n}"`).join(', ')}, ${statsColumns}
       FROM outcomes WHERE ${where}
      GROUP BY GROUPING SETS (${dimNames.map((n) => `(${dimensions[n]})`).join(', ')}, ())`;
}

/** One aggregate row: its dimension, `d_<name>` (the group's value as text), and the counts and means of statsColumns. */
export interface GroupRow {
  dimension: string;
  tickets: number;
  respond_met: number;
  respond_breached: number;
  respond_pending: number;
  resolve_met: number;
  resolve_breached: number;
  resolve_pending: number;
  mean_respond?: number | null;
  mean_resolve?: number | null;
  [dimensionValue: `d_${string}`]: string | null;
}

/** SLA counts and mean times per group of every dimension, and the total. */
export async function outcomeGroups(db: Runner, scope: OutcomeScope, dimensions: Dimensions): Promise<GroupRow[]> {
  const cte = outcomesCte(scope);
  const { rows } = await db.raw(`WITH ${cte.sql} ${groupingSql(dimensions, 'TRUE')}`, cte.bindings);
  return rows;
}

/** A breached target as the SLA report lists it. */
export interface BreachRecord {
  id: number;
  number: string;
  priority: string | null;
  region_id: number | null;
  crew_id: number | null;
  kind: 'respond' | 'resolve';
  due: string;
  met: string | null;
  escalated_to: string | null;
  escalation_level: number | null;
}

/**
 * The SLA report in one statement: the groups (rejected tickets left out) and
 * the first `breachLimit` breaches by due time; the outcomes are computed once
 * (materialised: read twice).
 */
export async function outcomeGroupsAndBreaches(db: Runner, scope: OutcomeScope, dimensions: Dimensions, breachLimit: number): Promise<{ groups: GroupRow[]; breaches: BreachRecord[] }> {
  const cte = outcomesCte(scope);
  const { rows } = await db.raw(
    `WITH ${cte.sql},
     agg AS (${groupingSql(dimensions, `status <> 'rejected'`)}),
     breaches AS (
       SELECT id, number, priority, region_id, crew_id, 'respond' AS kind, respond_due AS due, responded_at AS met FROM outcomes WHERE respond_outcome = 'breached'
       UNION ALL
       SELECT id, number, priority, region_id, crew_id, 'resolve' AS kind, resolve_due AS due, resolved_at AS met FROM outcomes WHERE resolve_outcome = 'breached'
     ),
     listed AS (SELECT * FROM breaches ORDER BY due, number, kind LIMIT ?)
     SELECT 'group' AS part, to_jsonb(a) AS row FROM agg a
     UNION ALL
     -- Whom each listed breach was escalated to, from the same function (one ticket each: a primary-key lookup).
     SELECT 'breach', to_jsonb(x) FROM (
       SELECT b.*,
              CASE b.kind WHEN 'respond' THEN e.respond_escalated_to ELSE e.resolve_escalated_to END AS escalated_to,
              CASE b.kind WHEN 'respond' THEN e.respond_escalation_level ELSE e.resolve_escalation_level END AS escalation_level
         FROM listed b
         LEFT JOIN LATERAL (SELECT o.respond_escalated_to, o.respond_escalation_level, o.resolve_escalated_to, o.resolve_escalation_level
                              FROM ticket_sla_outcomes(?, ?, ?, ?) o WHERE o.ticket_id = b.id) e ON true
     ) x`,
    [...cte.bindings, breachLimit, ...outcomeArgs(scope)],
  );
  return {
    groups: rows.filter((r: { part: string }) => r.part === 'group').map((r: { row: GroupRow }) => r.row),
    breaches: rows.filter((r: { part: string }) => r.part === 'breach').map((r: { row: BreachRecord }) => r.row),
  };
}

/** The utility's region and crew names by id. */
export async function regionAndCrewNames(db: Runner, utilityId: number): Promise<{ regions: { id: number; name: string }[]; crews: { id: number; name: string }[] }> {
  const [regions, crews] = await Promise.all([
    db('service_regions').where({ utility_id: utilityId }).select('id', 'name'),
    db('crews').where({ utility_id: utilityId }).select('id', 'name'),
  ]);
  return { regions, crews };
}

/**
 * Fixes made in [from, to) and whether each held, grouped by crew, by region
 * and in total. A fix "did not hold" when the next fix-or-return event of its
 * ticket is a return to the crew; a fix is credited to the crew of the staff
 * member who reported it.
 */
export async function repeatFixGroups(db: Runner, utilityId: number, from: Date, to: Date): Promise<{ dimension: 'crew' | 'region' | 'total'; crew_id: number | null; region_id: number | null; fixes: number; returned: number }[]> {
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
    [utilityId, from, to, from, to],
  );
  return rows;
}

/** Open tickets received at or before `cutoff`, oldest first, with their region, crew and the Kabag's explanation. */
export async function openTicketsReceivedBy(db: Runner, utilityId: number, openStatuses: readonly TicketStatus[], cutoff: Date) {
  return db('tickets as t')
    .leftJoin('service_regions as r', 'r.id', 't.region_id')
    .leftJoin('crews as c', 'c.id', 't.crew_id')
    .leftJoin('pending_explanations as pe', 'pe.ticket_id', 't.id')
    .leftJoin('staff_users as u', 'u.id', 'pe.explained_by')
    .where('t.utility_id', utilityId)
    .whereIn('t.status', openStatuses as TicketStatus[])
    .where('t.received_at', '<=', cutoff)
    .orderBy('t.received_at')
    .orderBy('t.id')
    .select('t.id', 't.number', 't.received_at', 't.priority', 't.status', 't.address', 'r.name as region', 'c.name as crew', 'pe.explanation', 'u.display_name as explained_by', 'pe.explained_at');
}

/** Records (or replaces) the explanation of a pending ticket; false when the ticket is not the utility's. */
export async function upsertPendingExplanation(db: Runner, e: { utilityId: number; ticketId: number; explanation: string; explainedBy: number; at: Date }): Promise<boolean> {
  const ticket = await db('tickets').where({ id: e.ticketId, utility_id: e.utilityId }).first('id');
  if (!ticket) return false;
  await db('pending_explanations')
    .insert({ utility_id: e.utilityId, ticket_id: e.ticketId, explanation: e.explanation, explained_by: e.explainedBy, explained_at: e.at })
    .onConflict('ticket_id')
    .merge(['explanation', 'explained_by', 'explained_at']);
  return true;
}
