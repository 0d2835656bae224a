import type { Db } from './db/knex.js';
import type { Config } from './config.js';
import type { PhotoStore } from './storage/photos.js';

/**
 * Everything with a side effect that a service needs, passed in: the database,
 * photo storage and the clock. Tests drive the clock.
 */
export interface AppContext {
  db: Db;
  config: Config;
  photos: PhotoStore;
  now: () => Date;
}
