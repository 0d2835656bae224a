import { createDb, migrate } from '../../server/platform/db/knex.js';

/** Applies the migrations once, before any database test file runs. */
export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) return; // pure unit runs need no database
  const db = createDb(process.env.DATABASE_URL, 1);
  try {
    await migrate(db);
  } finally {
    await db.destroy();
  }
}
