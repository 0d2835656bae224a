/**
 * Open311 API keys of a utility (the apps and partner systems that submit reports):
 *   npm run apikey -- create <name> [--jurisdiction makassar]   prints the new key, once
 *   npm run apikey -- list [--jurisdiction makassar]
 *   npm run apikey -- revoke <name> [--jurisdiction makassar]
 * Only the key's SHA-256 is stored: a lost key cannot be shown again; revoke it and create another.
 */
import { parseArgs } from 'node:util';
import { settingsOrExit } from './settings.js';
import { createDb, migrate } from '../platform/db/knex.js';
import { findUtilityByCode, findSoleUtility } from '../features/utilities/service.js';
import { isDomainError } from '../core/domain/errors.js';
import { createApiKey, findApiKeyByName, listApiKeys, revokeApiKey } from '../features/open311/service.js';

const usage = 'Usage: npm run apikey -- create <name> | list | revoke <name>   [--jurisdiction CODE]';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { jurisdiction: { type: 'string' } } });
const [command, ...names] = positionals;
const name = names.join(' ');
if (!command || !['create', 'list', 'revoke'].includes(command) || (command !== 'list' && !name)) {
  console.error(usage);
  process.exit(2);
}

const db = createDb(settingsOrExit().databaseUrl, 2);
try {
  await migrate(db); // the api_keys table may be newer than the last start
  const utility = values.jurisdiction ? await findUtilityByCode(db, values.jurisdiction) : await findSoleUtility(db);
  if (!utility) throw new Error(values.jurisdiction ? `No utility ${values.jurisdiction}` : 'Several utilities: pass --jurisdiction CODE');
  if (command === 'create') {
    const { key, apiKey } = await createApiKey({ db, now: () => new Date() }, utility, name);
    console.error(`API key "${apiKey.name}" for ${utility.code} (${utility.name}). It is shown only this once; give it to its holder over a safe channel:`);
    console.log(key);
  } else if (command === 'list') {
    const keys = await listApiKeys(db, utility.id);
    if (keys.length === 0) console.log(`No API keys in ${utility.code}.`);
    for (const k of keys) {
      const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : 'never used';
      console.log(`${k.keyPrefix}…  ${k.revoked ? 'REVOKED' : 'active '}  ${k.name}  (created ${k.createdAt.toISOString()}, ${used})`);
    }
  } else {
    const found = await findApiKeyByName(db, utility.id, name);
    if (!found) throw new Error(`No API key named "${name}" in ${utility.code}`);
    const revoked = await revokeApiKey(db, found.id, new Date());
    console.log(revoked ? `Revoked "${name}" (${utility.code}); it is refused from now on.` : `"${name}" was already revoked.`);
  }
} catch (err) {
  console.error(isDomainError(err) || err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
