/**
 * One writer of ticket state: only server/features/tickets/repository.ts
 * (`transition` / `transitionMany`, `createTicket`, `insertSeededHistory`)
 * changes tickets.status, tickets.crew_id and the per-status timestamps, or
 * writes ticket_events. This test reads the source of server/ and fixtures/
 * and fails, naming file and line, when any other module does.
 *
 * Why a source scan and not a database trigger (a `SET LOCAL tirta.writer`
 * marker checked by a trigger on tickets and ticket_events):
 * - the demo seed, bench/analytics.ts and several test fixtures legitimately
 *   write generated history in bulk (tickets in their final state with their
 *   events, a crew's progress set up in one UPDATE). Under a trigger each of
 *   them would have to set the writer's marker itself, so the marker would be
 *   a line anyone may copy, and the wall would hold no better than this scan
 *   while breaking fixtures other helpers own;
 * - the scan fails in the test run, before anything executes, and names the
 *   offending line; the lint (eslint.config.js) already confines SQL, raw or
 *   built, to repository files and platform/db, so a second writer can only
 *   hide in a file this scan reads;
 * - what it cannot see is SQL assembled from variables (a table name in a
 *   variable); the scan therefore also refuses the table names passed as plain
 *   strings to helpers that write (see `secondWriters`).
 * The self-checks below plant each kind of second writer and show the scan
 * reports it, and that it sees the real writer in the tickets repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const writer = 'server/features/tickets/repository.ts';

/** Columns only a transition writes. */
const stateColumns = ['status', 'crew_id', 'rejected_at', 'spk_issued_at', 'assigned_at', 'on_site_at', 'escalated_at', 'fixed_at', 'closed_at', 'reopened_at'];
const stateKey = new RegExp(`(^|[^\\w])(${stateColumns.join('|')})\\s*:|['"](${stateColumns.join('|')})['"]`);

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** The text of the statement that starts at `index`: up to the next `;` (chains of knex calls end there). */
function statementFrom(source: string, index: number): string {
  const end = source.indexOf(';', index);
  return source.slice(index, end === -1 ? undefined : end);
}

/** Where `source` writes ticket state: line and what was seen. */
export function secondWriters(source: string): { line: number; what: string }[] {
  const found: { line: number; what: string }[] = [];
  const report = (index: number, what: string) => found.push({ line: lineOf(source, index), what });

  // Raw SQL, in any string or template.
  for (const m of source.matchAll(/\bUPDATE\s+(ONLY\s+)?tickets\b/gi)) report(m.index!, 'raw UPDATE tickets');
  for (const m of source.matchAll(/\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+ticket_events\b/gi)) report(m.index!, `raw ${m[1].toUpperCase()} ticket_events`);

  // knex builders on the tables: db('tickets'), tx('tickets as t'), ctx.db('ticket_events'), ...
  const builder = /\(\s*(['"`])(tickets|ticket_events)(\s+as\s+\w+)?\1\s*\)/g;
  const builderAt = new Set<number>();
  for (const m of source.matchAll(builder)) {
    builderAt.add(m.index! + m[0].indexOf(m[1]));
    const chain = statementFrom(source, m.index!);
    if (m[2] === 'ticket_events') {
      if (/\.(insert|update|del|delete|upsert|merge)\s*\(/.test(chain)) report(m.index!, 'ticket_events written with knex');
      continue;
    }
    const update = /\.update\s*\(/.exec(chain);
    if (!update) continue;
    const argument = chain.slice(update.index + update[0].length);
    // An object built elsewhere may carry anything: only a literal without state columns is let through.
    if (!/^\s*\{/.test(argument) || stateKey.test(argument)) report(m.index!, 'tickets status/crew/stamps updated with knex');
  }

  // 'ticket_events' handed to a helper as a table name (insertChunked(tx, 'ticket_events', rows)).
  for (const m of source.matchAll(/(['"`])ticket_events(\s+as\s+\w+)?\1/g)) {
    if (builderAt.has(m.index!)) continue;
    report(m.index!, "'ticket_events' passed to a helper");
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|mts|js|mjs)$/.test(e.name) ? [rel] : [];
  });
}

describe('one writer of ticket state', () => {
  it('no module but the tickets repository writes tickets.status, tickets.crew_id, the status stamps or ticket_events', () => {
    const files = [...sourceFiles('server'), ...sourceFiles('fixtures')].filter((f) => f !== writer);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => secondWriters(fs.readFileSync(path.join(root, file), 'utf8')).map((w) => `${file}:${w.line} ${w.what}`));
    expect(offenders).toEqual([]);
  });

  it('sees the real writer: the tickets repository updates tickets and inserts ticket_events', () => {
    const found = secondWriters(fs.readFileSync(path.join(root, writer), 'utf8')).map((w) => w.what);
    expect(found).toContain('raw UPDATE tickets');
    expect(found).toContain('raw INSERT INTO ticket_events');
  });

  it('reports each kind of second writer', () => {
    const planted: [string, string][] = [
      ["await tx('tickets').where({ id }).update({ status: 'closed', closed_at: at });", 'tickets status/crew/stamps updated with knex'],
      ["await db('tickets as t').where('t.id', id).update({ crew_id: null });", 'tickets status/crew/stamps updated with knex'],
      ["await ctx.db('tickets').where({ id }).update('status', 'fixed');", 'tickets status/crew/stamps updated with knex'],
      ["await tx('tickets').whereIn('id', ids).update(changes);", 'tickets status/crew/stamps updated with knex'],
      ["await tx.raw(`UPDATE tickets t SET crew_id = v.crew_id FROM (VALUES ?) v WHERE t.id = v.id`, [x]);", 'raw UPDATE tickets'],
      ["await tx.raw('update tickets set status = ? where id = ?', ['fixed', 1]);", 'raw UPDATE tickets'],
      ["await tx('ticket_events').insert(rows);", 'ticket_events written with knex'],
      ["await db.raw('INSERT INTO ticket_events (ticket_id) VALUES (?)', [1]);", 'raw INSERT INTO ticket_events'],
      ["await insertChunked(tx, 'ticket_events', events);", "'ticket_events' passed to a helper"],
    ];
    for (const [code, what] of planted) expect(secondWriters(`// planted\n${code}\n`), code).toEqual([{ line: 2, what }]);
  });

  it('lets reads and other columns through', () => {
    const harmless = [
      "const rows = await db('ticket_events as e').leftJoin('staff_users as u', 'u.id', 'e.actor_id').where('e.ticket_id', id);",
      "const t = await tx('tickets').where({ id }).forUpdate().first('id', 'status', 'crew_id');",
      "await tx('tickets').where({ id }).update({ description: 'Pipa bocor' });",
      "const { rows } = await db.raw('SELECT t.status, t.crew_id FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id');",
    ];
    for (const code of harmless) expect(secondWriters(code), code).toEqual([]);
  });
});
