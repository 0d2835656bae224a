import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory, { type Knex } from 'knex';
import knexPostgis from 'knex-postgis';
import pg from 'pg';

// Dates and timestamps come back as JS Dates (UTC instants); bigint ids as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type Db = Knex;
export type Tx = Knex.Transaction;
/** A query runner: the pool, or a transaction the caller holds. */
export type Runner = Knex | Knex.Transaction;

const sqlDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sql');

/** Knex's migrator over the plain SQL files in sql/, applied in name order. */
class SqlMigrationSource implements Knex.MigrationSource<string> {
  async getMigrations(): Promise<string[]> {
    return (await fs.readdir(sqlDir)).filter((f) => f.endsWith('.sql')).sort();
  }
  getMigrationName(name: string): string {
    return name;
  }
  async getMigration(name: string): Promise<Knex.Migration> {
    const sql = await fs.readFile(path.join(sqlDir, name), 'utf8');
    return {
      up: (knex: Knex) => knex.raw(sql),
      down: () => {
        throw new Error('Migrations are forward only');
      },
    };
  }
}

export function createDb(databaseUrl: string, poolMax = 10): Db {
  const db = knexFactory({
    client: 'pg',
    // A host that does not answer at all (no refusal) fails the connect after 5 s.
    connection: { connectionString: databaseUrl, connectionTimeoutMillis: 5_000 },
    pool: { min: 0, max: poolMax },
    // While the database is unreachable a request waits at most this long for a connection, then answers 503
    // (platform/db/errors.ts), instead of hanging for knex's default minute.
    acquireConnectionTimeout: 10_000,
    migrations: { migrationSource: new SqlMigrationSource(), tableName: 'schema_migrations' },
  });
  return db;
}

export const st = (db: Db) => knexPostgis(db);

export async function migrate(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}
