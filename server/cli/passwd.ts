/**
 * Sets a staff password from the command line (e.g. before the first production start):
 *   npm run passwd -- <username> [--jurisdiction makassar]     (reads the new password from stdin)
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline/promises';
import { settingsOrExit } from './settings.js';
import { createDb } from '../platform/db/knex.js';
import { findUtilityByCode, findSoleUtility } from '../features/utilities/service.js';
import { findStaffForLogin } from '../features/auth/repository.js';
import { setPassword } from '../features/auth/service.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { jurisdiction: { type: 'string' } } });
const username = positionals[0];
if (!username) {
  console.error('Usage: npm run passwd -- <username> [--jurisdiction CODE]   (the new password is read from standard input)');
  process.exit(2);
}
const db = createDb(settingsOrExit().databaseUrl);
try {
  const utility = values.jurisdiction ? await findUtilityByCode(db, values.jurisdiction) : await findSoleUtility(db);
  if (!utility) throw new Error(values.jurisdiction ? `No utility ${values.jurisdiction}` : 'Several utilities: pass --jurisdiction CODE');
  const found = await findStaffForLogin(db, utility.id, username);
  if (!found) throw new Error(`No account ${username} in ${utility.code}`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(`New password for ${username}: `);
  const password = (await rl.question('')).trim();
  rl.close();
  await setPassword(db, found.user.id, password);
  console.log(`Password of ${username} (${utility.code}) changed; its sessions were ended.`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
