import ExcelJS from 'exceljs';
import { localDateTime, wallClockOf } from '../../core/domain/time.js';

/**
 * Every report is also a list of tables; one renderer turns those into CSV
 * (RFC 4180, UTF-8 with a BOM so that Excel reads it right, tables one after
 * another) or a real XLSX workbook (one sheet per table). Times are shown in
 * the utility's time zone.
 */
export type ColumnKind = 'text' | 'int' | 'number' | 'percent' | 'datetime' | 'coordinate';

export interface Column {
  key: string;
  header: string;
  kind?: ColumnKind;
}

export interface Table {
  /** Sheet name (<= 31 characters). */
  name: string;
  title: string;
  columns: Column[];
  rows: Record<string, unknown>[];
}

export type Format = 'json' | 'csv' | 'xlsx';

function csvCell(value: unknown, kind: ColumnKind | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = localDateTime(value, timeZone);
  else if (kind === 'percent' && typeof value === 'number') text = (value * 100).toFixed(1);
  else if (typeof value === 'number' && kind === 'coordinate') text = String(value);
  else if (typeof value === 'number') text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  else text = String(value);
  // Quote when needed; neutralise spreadsheet formulas in free text (CSV injection).
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(tables: Table[], timeZone: string): string {
  const lines: string[] = [];
  for (const [i, t] of tables.entries()) {
    if (tables.length > 1) {
      if (i > 0) lines.push('');
      lines.push(csvCell(t.title, 'text', timeZone));
    }
    lines.push(t.columns.map((c) => csvCell(c.kind === 'percent' ? `${c.header} (%)` : c.header, 'text', timeZone)).join(','));
    for (const row of t.rows) lines.push(t.columns.map((c) => csvCell(row[c.key], c.kind, timeZone)).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const numFmt: Partial<Record<ColumnKind, string>> = { int: '0', number: '0.0', percent: '0.0%', datetime: 'yyyy-mm-dd hh:mm', coordinate: '0.000000' };

export async function toXlsx(tables: Table[], timeZone: string, meta: { title: string; generatedAt: Date }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tirta Dispatch';
  book.created = meta.generatedAt;
  book.title = meta.title;
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${t.name.slice(0, 28)} ${n}`;
    used.add(name);
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.min(60, Math.max(10, c.header.length + 2, c.kind === 'datetime' ? 17 : 0)),
      style: numFmt[c.kind ?? 'text'] ? { numFmt: numFmt[c.kind ?? 'text'] } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of t.rows) {
      const out: Record<string, unknown> = {};
      for (const c of t.columns) {
        const v = row[c.key];
        // Excel has no time zones: write the local wall-clock time.
        out[c.key] = v instanceof Date ? wallClockOf(v, timeZone) : (v ?? null);
      }
      sheet.addRow(out);
    }
    if (t.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
