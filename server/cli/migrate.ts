import { settingsOrExit } from './settings.js';
import { createDb, migrate } from '../platform/db/knex.js';

const db = createDb(settingsOrExit().databaseUrl);
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date');
} finally {
  await db.destroy();
}
