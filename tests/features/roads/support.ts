import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { Rng } from '../../../server/core/routing/base/random.js';
import { createTestEnv, type TestEnv } from '../../support/db.js';

/** The node bounding box of the Balikpapan Kota extract (shared/data/README.md). */
export const balikpapanBox = { minLon: 116.806, minLat: -1.2807, maxLon: 116.8748, maxLat: -1.2476 };

/** n points drawn uniformly in the extract's box, the same for the same seed. */
export function seededPoints(n: number, seed: number, box = balikpapanBox): { lat: number; lon: number }[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => ({ lat: box.minLat + rng.nextFloat() * (box.maxLat - box.minLat), lon: box.minLon + rng.nextFloat() * (box.maxLon - box.minLon) }));
}

/** A test utility without crews, and a scratch folder for files: made before the file's tests, removed after them. */
export function useRoadsScratch(prefix: string): { env: TestEnv; tmp: string } {
  const scratch = {} as { env: TestEnv; tmp: string };
  beforeAll(async () => {
    scratch.env = await createTestEnv({ crews: 0 });
    scratch.tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await scratch.env?.close();
    if (scratch.tmp) fs.rmSync(scratch.tmp, { recursive: true, force: true });
  });
  return scratch;
}
