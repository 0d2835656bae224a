import { loadConfig } from '../platform/config.js';
import { createDb, migrate } from '../platform/db/knex.js';

const db = createDb(loadConfig().databaseUrl);
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date');
} finally {
  await db.destroy();
}
