/**
 * npm run roads:import -- <extract.osm | extract.osm.pbf | overpass.json> --utility <code>
 *
 * Reads an OpenStreetMap extract into the utility's road network (replacing
 * the one it had, in one transaction) and prints a short report. Relative
 * paths are taken from the project folder (npm runs scripts there).
 * Speeds per highway class: the utility's settings (roads.speedsKmh).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { settingsOrExit } from './settings.js';
import { createDb, migrate } from '../platform/db/knex.js';
import { isDomainError } from '../core/domain/errors.js';
import { findUtilityByCode } from '../features/utilities/service.js';
import { importRoadNetwork } from '../features/roads/service.js';

const usage = 'Usage: npm run roads:import -- <extract.osm | extract.osm.pbf | overpass.json> --utility CODE';
let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { utility: { type: 'string' } } });
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const [file] = parsed.positionals;
if (!file || !parsed.values.utility || parsed.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}

const db = createDb(settingsOrExit().databaseUrl, 2);
try {
  await migrate(db);
  const utility = await findUtilityByCode(db, parsed.values.utility);
  if (!utility) {
    console.error(`No utility with code ${parsed.values.utility} (npm run utility -- list shows them).`);
    process.exitCode = 1;
  } else {
    const { stats, seconds, network } = await importRoadNetwork({ db, now: () => new Date() }, utility.id, path.resolve(file));
    const km = (x: number) => x.toFixed(1);
    console.log(`Road network of ${utility.code} from ${network.fileName} (${network.format}), network ${network.id}:`);
    console.log(`  read      ${stats.osmNodes} nodes, ${stats.osmWays} ways (${stats.roadWays} drivable roads)`);
    console.log(`  kept      ${stats.vertices} vertices, ${stats.edges} edges, ${km(stats.lengthKm)} km (the largest strongly connected part)`);
    console.log(`  dropped   ${stats.droppedEdges} edges, ${km(stats.droppedKm)} km in ${stats.droppedComponents} other parts (unreachable or inescapable by car)`);
    console.log(`  took      ${seconds.toFixed(2)} s`);
    console.log('Road data © OpenStreetMap contributors (ODbL 1.0, https://www.openstreetmap.org/copyright).');
  }
} catch (err) {
  if (isDomainError(err)) {
    const fields = (err.details.fields as { field: string; message: string }[] | undefined) ?? [];
    console.error(fields.length ? fields.map((f) => f.message).join('\n') : err.message);
    console.error('Nothing was written: the utility keeps the road network it had.');
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
