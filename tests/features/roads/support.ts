import { Rng } from '../../../server/core/routing/base/random.js';

/** The node bounding box of the Balikpapan Kota extract (shared/data/README.md). */
export const balikpapanBox = { minLon: 116.806, minLat: -1.2807, maxLon: 116.8748, maxLat: -1.2476 };

/** n points drawn uniformly in the extract's box, the same for the same seed. */
export function seededPoints(n: number, seed: number, box = balikpapanBox): { lat: number; lon: number }[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => ({ lat: box.minLat + rng.nextFloat() * (box.maxLat - box.minLat), lon: box.minLon + rng.nextFloat() * (box.maxLon - box.minLon) }));
}
