/**
 * The crew import file (CSV or XLSX): its columns, the template, and rows read
 * into crew drafts with the problems of each row and column. Nothing here
 * touches the database; the service checks codes and bases and writes.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  crewDraftIssues,
  parseMembers,
  parseShift,
  weekdays,
  type CrewDraft,
  type Said,
  type Shift,
} from '../../core/domain/crews.js';

/** The template's columns, in order; a file may order them as it likes (matched by header, case-insensitive). */
export const crewColumns = ['code', 'name', 'lat', 'lon', 'base_address', 'members', ...weekdays, 'active_from', 'active_to', 'equipment', 'active'] as const;
export type CrewColumn = (typeof crewColumns)[number];

export const MAX_IMPORT_ROWS = 500;

/** One problem of the file: the spreadsheet row (the header is row 1) and the column. */
export interface SheetProblem extends Said {
  row: number;
  column: CrewColumn | 'file';
}

export interface SheetRow {
  row: number;
  draft: CrewDraft;
}

const example: Record<CrewColumn, string> = {
  code: 'URC-01',
  name: 'Tim URC Panakkukang',
  lat: '-5.1477',
  lon: '119.4327',
  base_address: 'Pos URC Jl. Urip Sumoharjo',
  members: 'Andi (0812-3456-7890); Budi',
  mon: '07:30-16:00',
  tue: '07:30-16:00',
  wed: '07:30-16:00',
  thu: '07:30-16:00',
  fri: '07:30-16:00',
  sat: '08:00-12:00',
  sun: 'libur',
  active_from: '2026-01-01',
  active_to: '',
  equipment: 'pompa lumpur; pipa HDPE',
  active: 'ya',
};

const notes = [
  'members: "Nama" or "Nama (0812-3456-7890)", separated by ";"',
  'mon..sun: the shift in local time "07:30-16:00"; empty or "libur": day off; an end before the start is a night shift',
  'active_from / active_to: YYYY-MM-DD, empty: open',
  'equipment: separated by ";"',
  'active: ya/tidak (yes/no), empty: ya',
  'code is the key: a row with an existing code changes that crew, a new code adds one',
];

export function crewTemplateCsv(): string {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${crewColumns.join(',')}\n${crewColumns.map((c) => quote(example[c])).join(',')}\n`;
}

let templateXlsx: Promise<Buffer> | null = null;

/** The XLSX template, built once per process (a workbook carries its build time: the same download stays byte for byte the same). */
export function crewTemplateXlsx(): Promise<Buffer> {
  templateXlsx ??= buildTemplateXlsx().catch((err) => {
    templateXlsx = null;
    throw err;
  });
  return templateXlsx;
}

async function buildTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('crews');
  ws.columns = crewColumns.map((c) => ({ header: c, key: c, width: c === 'members' || c === 'equipment' || c === 'name' || c === 'base_address' ? 30 : 14 }));
  ws.addRow(Object.fromEntries(crewColumns.map((c) => [c, example[c]])));
  // Text cells: Excel must not turn 07:30-16:00 or 2026-01-01 into numbers or dates.
  ws.columns.forEach((col) => (col.numFmt = '@'));
  ws.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('petunjuk');
  notes.forEach((n) => help.addRow([n]));
  help.getColumn(1).width = 110;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An XLSX cell as the text a person typed: times and dates Excel converted are written back as HH:MM and YYYY-MM-DD. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel's times are dates on 1899-12-30 (its day zero), read as UTC.
    if (v.getUTCFullYear() < 1901) return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

function readCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Indonesian Excel writes CSV with ";" (the decimal separator is ","): take whichever the header uses.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parseCsv(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
}

export type SheetFormat = 'csv' | 'xlsx';

/** The format of an uploaded file: by its name, else by its first bytes (an XLSX is a zip: "PK"). */
export function sheetFormatOf(filename: string, buffer: Buffer): SheetFormat {
  if (/\.xlsx$/i.test(filename)) return 'xlsx';
  if (/\.csv$/i.test(filename)) return 'csv';
  return buffer.subarray(0, 2).toString('latin1') === 'PK' ? 'xlsx' : 'csv';
}

const yes = new Set(['', 'ya', 'y', 'yes', 'true', '1', 'aktif']);
const no = new Set(['tidak', 't', 'no', 'n', 'false', '0', 'nonaktif']);

/** A form or API field of a draft, as the column of the file that holds it. */
function columnOfField(field: string): CrewColumn {
  if (field === 'base') return 'lat';
  if (field === 'baseAddress') return 'base_address';
  if (field === 'activeFrom') return 'active_from';
  if (field === 'activeTo') return 'active_to';
  if (field.startsWith('members')) return 'members';
  if (field.startsWith('equipment')) return 'equipment';
  if (field.startsWith('shifts.')) return field.slice(7) as CrewColumn;
  if (field === 'shifts') return 'mon';
  return field as CrewColumn;
}

/** The file's rows as crew drafts, with every problem found without the database. */
export async function readCrewSheet(filename: string, buffer: Buffer): Promise<{ rows: SheetRow[]; problems: SheetProblem[] }> {
  const problems: SheetProblem[] = [];
  let table: string[][];
  try {
    table = sheetFormatOf(filename, buffer) === 'xlsx' ? await readXlsx(buffer) : readCsv(buffer.toString('utf8'));
  } catch (err) {
    return { rows: [], problems: [{ row: 0, column: 'file', message: `the file could not be read as CSV or XLSX (${(err as Error).message})`, messageId: `berkas tidak dapat dibaca sebagai CSV atau XLSX (${(err as Error).message})` }] };
  }
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = crewColumns.filter((c) => !header.includes(c) && (c === 'code' || c === 'name'));
  if (missing.length > 0) {
    return { rows: [], problems: [{ row: 1, column: 'file', message: `the header lacks ${missing.join(', ')}: use the template's columns (${crewColumns.join(', ')})`, messageId: `judul kolom tidak memuat ${missing.join(', ')}: pakai kolom templat (${crewColumns.join(', ')})` }] };
  }
  const unknown = header.filter((h) => h !== '' && !(crewColumns as readonly string[]).includes(h));
  if (unknown.length > 0) problems.push({ row: 1, column: 'file', message: `unknown column ${unknown.join(', ')}: the template's columns are ${crewColumns.join(', ')}`, messageId: `kolom tidak dikenal ${unknown.join(', ')}: kolom templat adalah ${crewColumns.join(', ')}` });
  const dataRows = table.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) problems.push({ row: 2, column: 'file', message: 'the file has no crew rows under the header', messageId: 'berkas tidak berisi baris regu di bawah judul kolom' });
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return { rows: [], problems: [{ row: MAX_IMPORT_ROWS + 2, column: 'file', message: `at most ${MAX_IMPORT_ROWS} crews per file`, messageId: `paling banyak ${MAX_IMPORT_ROWS} regu per berkas` }] };
  }
  const rows: SheetRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const own: SheetProblem[] = [];
    const get = (c: CrewColumn) => {
      const i = header.indexOf(c);
      const text = i >= 0 ? (cells[i] ?? '').trim() : '';
      // PostgreSQL text cannot hold U+0000: named here instead of failing the write.
      if (!text.includes('\u0000')) return text;
      if (!own.some((p) => p.column === c)) own.push({ row, column: c, message: 'the cell holds a NUL character: retype it', messageId: 'sel berisi karakter NUL: ketik ulang' });
      return text.replaceAll('\u0000', '');
    };
    const latText = get('lat');
    const lonText = get('lon');
    let base: CrewDraft['base'] = null;
    if (latText !== '' || lonText !== '') {
      const lat = Number(latText.replace(',', '.'));
      const lon = Number(lonText.replace(',', '.'));
      if (latText === '' || !Number.isFinite(lat)) own.push({ row, column: 'lat', message: 'the latitude of the base, e.g. -5.1477', messageId: 'lintang pos, mis. -5.1477' });
      else if (lonText === '' || !Number.isFinite(lon)) own.push({ row, column: 'lon', message: 'the longitude of the base, e.g. 119.4327', messageId: 'bujur pos, mis. 119.4327' });
      else base = { lat, lon };
    }
    const { members, issues: memberIssues } = parseMembers(get('members'));
    memberIssues.forEach((m) => own.push({ row, column: 'members', ...m }));
    const shifts: (Shift | null)[] = weekdays.map((d) => {
      const s = parseShift(get(d));
      if (s === 'invalid') {
        own.push({ row, column: d, message: `"${get(d)}" is not a shift: write 07:30-16:00, or leave it empty (libur) for a day off`, messageId: `"${get(d)}" bukan jam kerja: tulis 07:30-16:00, atau kosongkan (libur) untuk hari libur` });
        return null;
      }
      return s;
    });
    const activeText = get('active').toLowerCase();
    if (!yes.has(activeText) && !no.has(activeText)) own.push({ row, column: 'active', message: `"${get('active')}": write ya or tidak`, messageId: `"${get('active')}": tulis ya atau tidak` });
    const draft: CrewDraft = {
      code: get('code'),
      name: get('name'),
      base,
      baseAddress: get('base_address') || null,
      members,
      shifts,
      activeFrom: get('active_from') || null,
      activeTo: get('active_to') || null,
      equipment: get('equipment').split(';').map((e) => e.trim()).filter(Boolean),
      active: !no.has(activeText),
    };
    for (const issue of crewDraftIssues(draft)) {
      const column = columnOfField(issue.field);
      // A shift already reported as unreadable is not reported again as "no shift".
      if (!own.some((p) => p.column === column)) own.push({ row, column, message: issue.message, messageId: issue.messageId });
    }
    const first = seen.get(draft.code);
    if (draft.code !== '' && first !== undefined) own.push({ row, column: 'code', message: `${draft.code} is already in row ${first} of this file`, messageId: `${draft.code} sudah ada di baris ${first} berkas ini` });
    else seen.set(draft.code, row);
    problems.push(...own);
    rows.push({ row, draft });
  }
  return { rows, problems };
}
