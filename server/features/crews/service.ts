/**
 * Crews set up by the utility's admin: the form (create, edit, deactivate) and
 * the CSV/XLSX import (a dry run listing the problems per row and column, then
 * all or nothing, upsert by code). Every write is one transaction with its
 * audit entries; the crews table's writer is utilities/crews.repository.
 */
import type { AppContext } from '../../platform/context.js';
import { DomainError, ErrorCode, notFound, validationError, type FieldIssue } from '../../core/domain/errors.js';
import { crewDraftIssues, type CrewDraft } from '../../core/domain/crews.js';
import { recordAudit } from '../audit/service.js';
import {
  findCrew,
  findCrewsByCode,
  insertCrewDraft,
  isInsideServiceArea,
  listCrews,
  lockCrewsOfUtility,
  updateCrewDraft,
  type Crew,
  type Utility,
} from '../utilities/service.js';
import type { Runner } from '../../platform/db/knex.js';
import { readCrewSheet, type SheetProblem } from './sheet.js';

const OUTSIDE = {
  message: 'the base is outside the service area: place it inside the area (set the service area first if the utility has none)',
  messageId: 'pos berada di luar wilayah layanan: tempatkan di dalam wilayah (atur wilayah layanan dulu bila belum ada)',
};

export async function listCrewsForSetup(ctx: AppContext, utility: Utility): Promise<Crew[]> {
  return listCrews(ctx.db, utility.id, false);
}

/** The checks that need the database: the code is free (but for `selfId`), the base lies in the service area. */
async function databaseIssues(db: Runner, utility: Utility, draft: CrewDraft, selfId: number | null): Promise<{ conflict: string | null; issues: FieldIssue[] }> {
  const issues: FieldIssue[] = [];
  const [holder] = await findCrewsByCode(db, utility.id, [draft.code]);
  const conflict = holder && holder.id !== selfId ? `${draft.code} is already the code of crew ${holder.name}` : null;
  if (draft.base && !(await isInsideServiceArea(db, utility.id, draft.base.lon, draft.base.lat))) issues.push({ field: 'base', ...OUTSIDE });
  return { conflict, issues };
}

/** JSON with sorted keys: jsonb hands objects back in its own key order. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

function changesOf(before: Crew | null, draft: CrewDraft): Record<string, unknown> {
  if (!before) return { ...draft };
  const was: Record<string, unknown> = {
    code: before.code,
    name: before.name,
    base: before.baseLat === null || before.baseLon === null ? null : { lat: before.baseLat, lon: before.baseLon },
    baseAddress: before.baseAddress,
    members: before.members,
    shifts: before.shifts,
    activeFrom: before.activeFrom,
    activeTo: before.activeTo,
    equipment: before.equipment,
    active: before.active,
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) if (canonical(v) !== canonical(was[k])) out[k] = { from: was[k], to: v };
  return out;
}

async function saveCrew(ctx: AppContext, utility: Utility, actorId: number, draft: CrewDraft, id: number | null): Promise<Crew> {
  const shapeIssues = crewDraftIssues(draft);
  if (shapeIssues.length) throw validationError(shapeIssues);
  return ctx.db.transaction(async (tx) => {
    await lockCrewsOfUtility(tx, utility.id);
    const before = id === null ? null : await findCrew(tx, utility.id, id);
    if (id !== null && !before) throw notFound('crew', id);
    const { conflict, issues } = await databaseIssues(tx, utility, draft, id);
    if (conflict) throw new DomainError(ErrorCode.conflict, conflict, { field: 'code', code: draft.code });
    if (issues.length) throw validationError(issues);
    const crewId = id === null ? await insertCrewDraft(tx, utility.id, draft) : (await updateCrewDraft(tx, utility.id, id, draft), id);
    const action = id === null ? 'crew.create' : before!.active && !draft.active ? 'crew.deactivate' : 'crew.update';
    await recordAudit(tx, { utilityId: utility.id, actorId, action, objectType: 'crew', objectId: crewId, details: { code: draft.code, changes: changesOf(before, draft) }, at: ctx.now() });
    return (await findCrew(tx, utility.id, crewId))!;
  });
}

export const createCrew = (ctx: AppContext, utility: Utility, actorId: number, draft: CrewDraft) => saveCrew(ctx, utility, actorId, draft, null);
export const updateCrew = (ctx: AppContext, utility: Utility, actorId: number, id: number, draft: CrewDraft) => saveCrew(ctx, utility, actorId, draft, id);

export interface ImportPreview {
  rows: { row: number; code: string; name: string; action: 'create' | 'update' }[];
  problems: SheetProblem[];
}

async function previewWith(db: Runner, utility: Utility, filename: string, buffer: Buffer) {
  const { rows, problems } = await readCrewSheet(filename, buffer);
  const existing = new Map((await findCrewsByCode(db, utility.id, rows.map((r) => r.draft.code))).map((c) => [c.code, c]));
  for (const { row, draft } of rows) {
    if (draft.base && !problems.some((p) => p.row === row && (p.column === 'lat' || p.column === 'lon')) && !(await isInsideServiceArea(db, utility.id, draft.base.lon, draft.base.lat))) {
      problems.push({ row, column: 'lat', ...OUTSIDE });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  const preview: ImportPreview = {
    rows: rows.map(({ row, draft }) => ({ row, code: draft.code, name: draft.name, action: existing.has(draft.code) ? 'update' : 'create' })),
    problems,
  };
  return { preview, rows, existing };
}

/** The dry run: what the file would create and change, and every problem by row and column. Writes nothing. */
export async function previewCrewImport(ctx: AppContext, utility: Utility, filename: string, buffer: Buffer): Promise<ImportPreview> {
  return (await previewWith(ctx.db, utility, filename, buffer)).preview;
}

/** The import: every row or none (upsert by code); refused with the same problems as the dry run. */
export async function importCrews(ctx: AppContext, utility: Utility, actorId: number, filename: string, buffer: Buffer): Promise<ImportPreview> {
  return ctx.db.transaction(async (tx) => {
    await lockCrewsOfUtility(tx, utility.id);
    const { preview, rows, existing } = await previewWith(tx, utility, filename, buffer);
    if (preview.problems.length > 0) {
      const first = preview.problems[0];
      throw new DomainError(
        ErrorCode.validationFailed,
        `The file has ${preview.problems.length} problem(s), nothing was imported; first: row ${first.row}, column ${first.column}: ${first.message}`,
        { field: 'file', fields: preview.problems.map((p) => ({ field: `row ${p.row}, ${p.column}`, message: p.message, messageId: p.messageId })), problems: preview.problems },
      );
    }
    const at = ctx.now();
    for (const { draft } of rows) {
      const before = existing.get(draft.code) ?? null;
      const id = before ? before.id : await insertCrewDraft(tx, utility.id, draft);
      if (before) await updateCrewDraft(tx, utility.id, before.id, draft);
      const changes = changesOf(before, draft);
      if (before && Object.keys(changes).length === 0) continue;
      await recordAudit(tx, { utilityId: utility.id, actorId, action: before ? 'crew.update' : 'crew.create', objectType: 'crew', objectId: id, details: { code: draft.code, via: 'import', file: filename, changes }, at });
    }
    return preview;
  });
}
