/**
 * Satisfaction after closure (issue 13): the reporter rates the service once,
 * 1-4 on the IKM scale with optional elements and a comment, through a signed
 * link sent with the closing message; the IKM report per month, region and
 * crew (core/domain/ikm.ts, Kep MenPAN 25/2004).
 */
import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { DomainError, ErrorCode, notFound } from '../../core/domain/errors.js';
import { statusLabels } from '../../core/domain/labels.js';
import { localDateOf } from '../../core/domain/time.js';
import { ikmElementLabels, ikmElements, ikmGradeLabels, ikmOf, type IkmElement, type IkmScore } from '../../core/domain/ikm.js';
import type { TicketStatus } from '../../core/domain/tickets.js';
import { getTicket } from '../tickets/service.js';
import { linkPath, signLink, verifyLink } from '../tickets/links.service.js';
import { insertRating, isRated, ratingsBetween, type RatingRow } from './repository.js';
import type { Table } from '../reports/view.js';

/** A report that has ended: the crew's repair closed, or answered / forwarded at first contact. */
const ratableStatuses: readonly TicketStatus[] = ['closed', 'answered', 'forwarded'];
const DAY = 86_400_000;

/**
 * The rating link of a ticket for its reporter, to send with the closing
 * message (the notifications outbox): a path to put after the public address,
 * or null when the ticket has no reporter (entered by staff without a phone).
 */
export async function ratingLinkFor(ctx: Pick<AppContext, 'db'>, utility: Utility, ticketId: number): Promise<string | null> {
  const ticket = await getTicket(ctx.db, utility.id, ticketId);
  if (!ticket?.reporterId) return null;
  return linkPath(utility.code, 'nilai', await signLink(ctx.db, utility.id, { purpose: 'rate', ticketId, reporterId: ticket.reporterId }));
}

async function ratableTicket(db: Runner, utility: Utility, token: string | undefined) {
  const claims = await verifyLink(db, utility.id, 'rate', token);
  const ticket = await getTicket(db, utility.id, claims.ticketId);
  if (!ticket || ticket.reporterId !== claims.reporterId) throw notFound('report', claims.ticketId);
  return ticket;
}

/** What the rating page shows: the report, whether it can be rated now, and the elements to score. */
export async function ratingForm(ctx: AppContext, utility: Utility, token: string | undefined) {
  const ticket = await ratableTicket(ctx.db, utility, token);
  const rated = await isRated(ctx.db, ticket.id);
  return {
    number: ticket.number,
    status: ticket.status,
    statusLabel: statusLabels[ticket.status],
    closedAt: ticket.closedAt?.toISOString() ?? null,
    rated,
    open: !rated && refusalOf(utility, ticket.status, ticket.closedAt, ctx.now()) === null,
    elements: ikmElements.map((key) => ({ key, label: ikmElementLabels[key] })),
  };
}

function refusalOf(utility: Utility, status: TicketStatus, closedAt: Date | null, now: Date): string | null {
  if (!ratableStatuses.includes(status) || !closedAt) return `The report is ${status}: it can be rated once it is closed`;
  if (now.getTime() - closedAt.getTime() > utility.settings.ratingWindowDays * DAY) return `Ratings are accepted for ${utility.settings.ratingWindowDays} days after the closure`;
  return null;
}

export async function rate(
  ctx: AppContext,
  utility: Utility,
  token: string | undefined,
  input: { score: IkmScore; elements: Partial<Record<IkmElement, IkmScore>>; comment: string | null },
) {
  const ticket = await ratableTicket(ctx.db, utility, token);
  const now = ctx.now();
  const refusal = refusalOf(utility, ticket.status, ticket.closedAt, now);
  if (refusal) throw new DomainError(ErrorCode.conflict, refusal, { field: 'token', status: ticket.status });
  const stored = await insertRating(ctx.db, { utilityId: utility.id, ticketId: ticket.id, ...input, regionId: ticket.regionId, crewId: ticket.crewId, ratedAt: now });
  if (!stored) throw new DomainError(ErrorCode.alreadyRated, `Report ${ticket.number} has been rated already`, { field: 'token' });
  return { number: ticket.number, score: input.score, ratedAt: now.toISOString() };
}

// ---------------------------------------------------------------- the IKM report

function ikmRow(rows: RatingRow[]) {
  const ikm = ikmOf(rows);
  return { respondents: ikm.respondents, unitValue: ikm.unitValue, index: ikm.index, grade: ikm.grade, gradeLabel: ikm.grade ? ikmGradeLabels[ikm.grade] : null, elementMeans: ikm.elementMeans };
}

function groupBy<K>(rows: RatingRow[], keyOf: (r: RatingRow) => K): Map<K, RatingRow[]> {
  const out = new Map<K, RatingRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(r);
  }
  return out;
}

/** The IKM per month, per month x region and per month x crew, of the ratings given in the window. */
export async function ikmReport(db: Runner, utility: Utility, w: { from: Date; to: Date; firstMonth: string; lastMonth: string }) {
  const rows = await ratingsBetween(db, utility.id, w.from, w.to);
  const monthOf = (r: RatingRow) => localDateOf(r.ratedAt, utility.timeZone).slice(0, 7);
  const byMonth = [...groupBy(rows, monthOf)].map(([month, rs]) => ({ month, ...ikmRow(rs) }));
  const byRegion = [...groupBy(rows, (r) => `${monthOf(r)}|${r.region ?? ''}`)].map(([k, rs]) => ({ month: k.split('|')[0], region: rs[0].region, ...ikmRow(rs) }));
  const byCrew = [...groupBy(rows, (r) => `${monthOf(r)}|${r.crew ?? ''}`)].map(([k, rs]) => ({ month: k.split('|')[0], crew: rs[0].crew, ...ikmRow(rs) }));
  const sortKey = (x: { month: string; region?: string | null; crew?: string | null }) => `${x.month}|${x.region ?? x.crew ?? '~'}`;
  byRegion.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  byCrew.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const data = { report: 'ikm', timeZone: utility.timeZone, months: { from: w.firstMonth, to: w.lastMonth }, total: ikmRow(rows), byMonth, byRegion, byCrew };
  const columns = [
    { key: 'respondents', header: 'Respondents', kind: 'int' as const },
    { key: 'unitValue', header: 'IKM (1-4)', kind: 'number' as const },
    { key: 'index', header: 'IKM (25-100)', kind: 'number' as const },
    { key: 'grade', header: 'Grade' },
    { key: 'gradeText', header: 'Mutu pelayanan' },
  ];
  const flat = <T extends { gradeLabel: { id: string } | null }>(x: T) => ({ ...x, gradeText: x.gradeLabel?.id ?? '' });
  const tables: Table[] = [
    { name: 'By month', title: `IKM per month ${w.firstMonth} - ${w.lastMonth} (Kep MenPAN 25/2004)`, columns: [{ key: 'month', header: 'Month' }, ...columns], rows: byMonth.map(flat) },
    { name: 'By region', title: 'IKM per month and region', columns: [{ key: 'month', header: 'Month' }, { key: 'region', header: 'Region' }, ...columns], rows: byRegion.map(flat) },
    { name: 'By crew', title: 'IKM per month and crew', columns: [{ key: 'month', header: 'Month' }, { key: 'crew', header: 'Crew' }, ...columns], rows: byCrew.map(flat) },
  ];
  return { data, tables, filename: `ikm-${w.firstMonth}-${w.lastMonth}` };
}
