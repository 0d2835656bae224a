/**
 * The server operator's commands for utilities (tenants):
 *   npm run utility -- create --name "PDAM Kota Parepare" --code parepare [--time-zone Asia/Makassar]
 *                             [--jurisdiction parepare.pdam.go.id] [--admin admin] [--admin-name "Nama"]
 *       creates the utility and its first admin account; the admin's password is printed once
 *       (standard output, alone on its line) and must be changed at the first login.
 *   npm run utility -- list
 * The admin then logs in to the console (Pengaturan) and sets up the area, regions, crews, staff and categories.
 */
import { parseArgs } from 'node:util';
import { settingsOrExit } from './settings.js';
import { createDb, migrate } from '../platform/db/knex.js';
import { isDomainError } from '../core/domain/errors.js';
import { createUtility } from '../features/tenants/service.js';
import { listUtilities } from '../features/utilities/service.js';

const usage = 'Usage: npm run utility -- create --name NAME --code CODE [--time-zone Asia/Makassar] [--jurisdiction ID] [--admin USERNAME] [--admin-name NAME] | list';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, code: { type: 'string' }, 'time-zone': { type: 'string' }, jurisdiction: { type: 'string' }, admin: { type: 'string' }, 'admin-name': { type: 'string' } },
  });
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [command] = positionals;
if (command !== 'create' && command !== 'list') {
  console.error(usage);
  process.exit(2);
}
if (command === 'create' && (!values.name || !values.code)) {
  console.error(`create needs --name and --code\n${usage}`);
  process.exit(2);
}

/** The service's field names as this command's options. */
const optionOf: Record<string, string> = { timeZone: 'time-zone', jurisdictionId: 'jurisdiction', adminUsername: 'admin', adminName: 'admin-name' };

const db = createDb(settingsOrExit().databaseUrl, 2);
try {
  await migrate(db);
  if (command === 'create') {
    const { utility, admin } = await createUtility(
      { db, now: () => new Date() },
      { name: values.name!, code: values.code!, timeZone: values['time-zone'] ?? 'Asia/Makassar', jurisdictionId: values.jurisdiction ?? null, adminUsername: values.admin, adminName: values['admin-name'] },
    );
    console.error(`Utility ${utility.code} (${utility.name}, ${utility.timeZone}) created, id ${utility.id}.`);
    console.error(`First admin: ${admin.username}. Its password follows, shown only this once; it must be changed at the first login:`);
    console.log(admin.password);
    console.error(`Log in at /?jurisdiction_id=${utility.code} and open Pengaturan (settings) to import the service area and regions, add crews, staff and categories.`);
  } else {
    const rows = await listUtilities(db);
    for (const u of rows) console.log(`${String(u.id).padStart(4)}  ${u.code.padEnd(16)} ${u.timeZone.padEnd(16)} ${u.hasServiceArea ? 'area   ' : 'no area'}  ${String(u.staff).padStart(4)} staff  ${u.name}${u.jurisdictionId ? `  (jurisdiction ${u.jurisdictionId})` : ''}`);
    if (rows.length === 0) console.log('No utilities yet: npm run utility -- create --name ... --code ...');
  }
} catch (err) {
  if (isDomainError(err)) {
    const fields = (err.details.fields as { field: string; message: string }[] | undefined) ?? [];
    console.error(fields.length ? fields.map((f) => `--${optionOf[f.field] ?? f.field}: ${f.message}`).join('\n') : err.message);
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
