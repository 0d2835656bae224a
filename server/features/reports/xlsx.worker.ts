/**
 * The XLSX thread: builds one workbook per task (piscina calls the default
 * export). exceljs is pure JavaScript and builds a large report for hundreds
 * of milliseconds; here that time is off the event loop.
 */
import { toXlsx, type Table } from './view.js';

export interface XlsxTask {
  tables: Table[];
  timeZone: string;
  meta: { title: string; generatedAt: Date };
}

export default async function build(task: XlsxTask): Promise<Uint8Array> {
  return new Uint8Array(await toXlsx(task.tables, task.timeZone, task.meta));
}
