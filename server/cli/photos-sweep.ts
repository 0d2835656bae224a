/**
 * npm run photos:sweep [-- --min-age-minutes 60]
 *
 * Deletes stored photo files (original, served copy, thumbnails, crashed
 * temporary writes) that no photo row refers to and that were written more
 * than an hour ago, in the store the settings name (PHOTO_STORE).
 */
import { settingsOrExit } from './settings.js';
import { createDb } from '../platform/db/knex.js';
import { photoStoreFor } from '../platform/storage/photos.js';
import { sweepOrphanPhotos } from '../features/tickets/photos.service.js';

const config = settingsOrExit();
const at = process.argv.indexOf('--min-age-minutes');
const minAgeMinutes = at > 0 ? Number(process.argv[at + 1]) : 60;
if (!Number.isFinite(minAgeMinutes) || minAgeMinutes < 0) {
  console.error('photos:sweep: --min-age-minutes wants a number >= 0');
  process.exit(2);
}
const db = createDb(config.databaseUrl);
try {
  const { examined, deleted } = await sweepOrphanPhotos({ db, config, photos: photoStoreFor(config), now: () => new Date() }, minAgeMinutes);
  console.log(`Examined ${examined} stored files; deleted ${deleted.length} orphans older than ${minAgeMinutes} min.`);
} finally {
  await db.destroy();
}
