/**
 * Issue 15, the database's wall (sql/0045_tenant_references.sql): a row of one
 * utility can only name rows of the same utility. Every foreign key between
 * two tables that carry utility_id includes it, and PostgreSQL refuses a
 * reference across utilities even when the code above forgets to check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/db.js';
import { newTicket } from '../jobs/helpers.js';

let a: TestEnv;
let b: TestEnv;

beforeAll(async () => {
  a = await createTestEnv({ crews: 1 });
  b = await createTestEnv({ crews: 1 });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

const FOREIGN_KEY_VIOLATION = '23503';

describe('references between utilities', () => {
  it('every foreign key between two tables with utility_id includes utility_id', async () => {
    const { rows } = await a.db.raw(`
      SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def,
             'utility_id' = ANY (ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY (c.conkey))::text[]) AS keyed
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND c.confrelid <> 'utilities'::regclass
        AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.conrelid AND x.attname = 'utility_id' AND NOT x.attisdropped)
        AND EXISTS (SELECT 1 FROM pg_attribute x WHERE x.attrelid = c.confrelid AND x.attname = 'utility_id' AND NOT x.attisdropped)`);
    const bare = rows.filter((r: { keyed: boolean }) => !r.keyed).map((r: { tbl: string; def: string }) => `${r.tbl}: ${r.def}`);
    expect(bare).toEqual([]);
    expect(rows.length).toBeGreaterThan(30);
  });

  it("refuses a ticket of A pointing at B's crew, a crew leader of A in B's crew, a plan pin of A on B's ticket", async () => {
    const ticketA = await newTicket(a);
    const ticketB = await newTicket(b);
    const codeOf = async (write: Promise<unknown>) => {
      try {
        await write;
        return 'written';
      } catch (err) {
        return (err as { code?: string }).code;
      }
    };
    expect(await codeOf(a.db('tickets').where({ id: ticketA }).update({ crew_id: b.crews[0] }))).toBe(FOREIGN_KEY_VIOLATION);
    expect(await codeOf(a.db('staff_users').where({ id: a.users.crew1 }).update({ crew_id: b.crews[0] }))).toBe(FOREIGN_KEY_VIOLATION);
    expect(await codeOf(a.db('plan_pins').insert({ utility_id: a.utility.id, plan_date: '2026-11-24', ticket_id: ticketB, crew_id: a.crews[0], pinned_at: new Date() }))).toBe(FOREIGN_KEY_VIOLATION);
    expect(await codeOf(a.db('tickets').where({ id: ticketA }).update({ region_id: b.regionId }))).toBe(FOREIGN_KEY_VIOLATION);
    // Within one utility the same writes stand (positive control).
    expect(await codeOf(a.db('tickets').where({ id: ticketA }).update({ region_id: a.regionId }))).toBe('written');
    expect(await codeOf(a.db('plan_pins').insert({ utility_id: a.utility.id, plan_date: '2026-11-24', ticket_id: ticketA, crew_id: a.crews[0], pinned_at: new Date() }))).toBe('written');
  });

  it('deleting a region still empties the references that were SET NULL, keeping the row and its utility', async () => {
    const [region] = await a.db('service_regions').insert({ utility_id: a.utility.id, code: 'TMP', name: 'Sementara', area: a.db.raw('(SELECT service_area FROM utilities WHERE id = ?)', [a.utility.id]) }).returning('id');
    await a.db('crews').where({ id: a.crews[0] }).update({ region_id: region.id });
    await a.db('service_regions').where({ id: region.id }).delete();
    const crew = await a.db('crews').where({ id: a.crews[0] }).first();
    expect(crew.region_id).toBeNull();
    expect(Number(crew.utility_id)).toBe(a.utility.id);
  });
});
