/**
 * Zones for the daily plan (the SOP's "zoning system"): Normal tickets are put
 * in H3 cells, and neighbouring cells are grown into connected groups sized to
 * what one crew can do in a day (time on site plus estimated travel between
 * the zone's tickets). Pure: plain data in, plain data out.
 *
 * A cell that alone holds more than a day's work is zoned again at the next
 * finer resolution (its children), down to `maxExtraResolutions` levels; past
 * that, its tickets are cut into pie slices around the cell centre.
 */
import { cellsToMultiPolygon, getHexagonAreaAvg, gridDistance, latLngToCell } from 'h3-js';
import type { LatLon, TravelModel } from './travel.js';
import { haversineMetres } from './travel.js';

export interface ZoneTicket extends LatLon {
  serviceSeconds: number;
}

export interface Zone {
  /** Stable: resolution and the smallest cell of the zone. */
  id: string;
  resolution: number;
  /** H3 cells holding the zone's tickets. */
  cells: string[];
  /** Indexes into the input tickets. */
  tickets: number[];
  serviceSeconds: number;
  /** Estimated driving between the zone's tickets (not to and from a base). */
  travelSeconds: number;
  workSeconds: number;
  centroid: LatLon;
}

export const ZONE_DEFAULTS = {
  /** Cells this many grid steps apart (one empty cell between) still count as neighbours. */
  neighbourSteps: 2,
  /** A zone below this share of the capacity is merged into a neighbour when the two fit. */
  mergeBelowShare: 0.35,
  /** Finer resolutions tried for a cell holding more than a day's work. */
  maxExtraResolutions: 2,
  /** Beardwood-Halton-Hammersley constant: a tour through n random points in area A is ~0.7124 sqrt(nA). */
  tourConstant: 0.7124,
};

export interface ZoneOptions {
  resolution: number;
  /** Work one crew can take in a day, seconds (the zone size). */
  capacitySeconds: number;
  travel: TravelModel;
}

interface CellGroup {
  cell: string;
  tickets: number[];
  serviceSeconds: number;
  lat: number;
  lon: number;
}

/** Estimated driving seconds for one tour through n tickets spread over `cells` cells. */
export function estimateZoneTravelSeconds(n: number, cells: number, resolution: number, travel: TravelModel): number {
  if (n <= 1) return 0;
  const areaM2 = cells * getHexagonAreaAvg(resolution, 'm2');
  const metres = ZONE_DEFAULTS.tourConstant * Math.sqrt(n * areaM2) * travel.detourFactor;
  return travel.secondsForMetres(metres);
}

export function buildZones(tickets: readonly ZoneTicket[], options: ZoneOptions): Zone[] {
  if (!(options.capacitySeconds > 0)) throw new RangeError('capacitySeconds must be > 0');
  const all = tickets.map((_, i) => i);
  const zones = zoneAt(tickets, all, options.resolution, options, ZONE_DEFAULTS.maxExtraResolutions);
  return zones.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function groupByCell(tickets: readonly ZoneTicket[], indexes: readonly number[], resolution: number): CellGroup[] {
  const byCell = new Map<string, CellGroup>();
  for (const i of indexes) {
    const t = tickets[i];
    const cell = latLngToCell(t.lat, t.lon, resolution);
    let g = byCell.get(cell);
    if (!g) byCell.set(cell, (g = { cell, tickets: [], serviceSeconds: 0, lat: 0, lon: 0 }));
    g.tickets.push(i);
    g.serviceSeconds += t.serviceSeconds;
    g.lat += t.lat;
    g.lon += t.lon;
  }
  const groups = [...byCell.values()];
  for (const g of groups) {
    g.lat /= g.tickets.length;
    g.lon /= g.tickets.length;
  }
  return groups.sort((a, b) => (a.cell < b.cell ? -1 : 1));
}

function zoneAt(tickets: readonly ZoneTicket[], indexes: readonly number[], resolution: number, options: ZoneOptions, finerLeft: number): Zone[] {
  const { capacitySeconds, travel } = options;
  const groups = groupByCell(tickets, indexes, resolution);
  const work = (n: number, cells: number, service: number) => service + estimateZoneTravelSeconds(n, cells, resolution, travel);
  const out: Zone[] = [];
  const normal: CellGroup[] = [];
  for (const g of groups) {
    if (work(g.tickets.length, 1, g.serviceSeconds) <= capacitySeconds || g.tickets.length === 1) normal.push(g);
    else if (finerLeft > 0) out.push(...zoneAt(tickets, g.tickets, resolution + 1, options, finerLeft - 1));
    else out.push(...sliceCell(tickets, g, resolution, options));
  }
  const grown = growZones(normal, resolution, capacitySeconds, work);
  for (const members of grown) out.push(makeZone(tickets, members, resolution, travel));
  return out;
}

/** Region growing: seeds from the edge of the map inwards, each zone takes its nearest neighbouring cells while they fit. */
function growZones(groups: CellGroup[], resolution: number, capacity: number, work: (n: number, cells: number, service: number) => number): CellGroup[][] {
  const count = groups.length;
  if (count === 0) return [];
  let cLat = 0;
  let cLon = 0;
  for (const g of groups) {
    cLat += g.lat;
    cLon += g.lon;
  }
  cLat /= count;
  cLon /= count;
  const fromCentre = groups.map((g) => haversineMetres(g.lat, g.lon, cLat, cLon));
  const neighbours: number[][] = groups.map(() => []);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      if (isNear(groups[a].cell, groups[b].cell)) {
        neighbours[a].push(b);
        neighbours[b].push(a);
      }
    }
  }
  const zoneOf = new Int32Array(count).fill(-1);
  const zones: number[][] = [];
  const order = groups.map((_, i) => i).sort((a, b) => fromCentre[b] - fromCentre[a] || a - b);
  for (const seed of order) {
    if (zoneOf[seed] >= 0) continue;
    const z = zones.length;
    const members = [seed];
    zoneOf[seed] = z;
    let n = groups[seed].tickets.length;
    let service = groups[seed].serviceSeconds;
    let lat = groups[seed].lat * n;
    let lon = groups[seed].lon * n;
    const frontier = new Set<number>(neighbours[seed].filter((b) => zoneOf[b] < 0));
    const rejected = new Set<number>();
    for (;;) {
      const centre = { lat: lat / n, lon: lon / n };
      let best = -1;
      let bestDistance = Infinity;
      for (const f of frontier) {
        if (zoneOf[f] >= 0 || rejected.has(f)) continue;
        const d = haversineMetres(groups[f].lat, groups[f].lon, centre.lat, centre.lon);
        if (d < bestDistance || (d === bestDistance && f < best)) {
          best = f;
          bestDistance = d;
        }
      }
      if (best < 0) break;
      const g = groups[best];
      if (work(n + g.tickets.length, members.length + 1, service + g.serviceSeconds) > capacity) {
        rejected.add(best);
        continue;
      }
      members.push(best);
      zoneOf[best] = z;
      n += g.tickets.length;
      service += g.serviceSeconds;
      lat += g.lat * g.tickets.length;
      lon += g.lon * g.tickets.length;
      frontier.delete(best);
      for (const b of neighbours[best]) if (zoneOf[b] < 0) frontier.add(b);
    }
    zones.push(members);
  }
  return mergeSmallZones(zones, groups, neighbours, zoneOf, capacity, work);
}

function isNear(a: string, b: string): boolean {
  try {
    return gridDistance(a, b) <= ZONE_DEFAULTS.neighbourSteps;
  } catch {
    return false; // too far apart for a local grid: not neighbours
  }
}

function mergeSmallZones(
  zones: number[][],
  groups: CellGroup[],
  neighbours: number[][],
  zoneOf: Int32Array,
  capacity: number,
  work: (n: number, cells: number, service: number) => number,
): CellGroup[][] {
  const size = (members: number[]) => {
    let n = 0;
    let service = 0;
    for (const m of members) {
      n += groups[m].tickets.length;
      service += groups[m].serviceSeconds;
    }
    return { n, service, work: work(n, members.length, service) };
  };
  const alive = zones.map(() => true);
  // Smallest first, so that crumbs join a neighbour before that neighbour fills up.
  const order = zones.map((_, i) => i).sort((a, b) => size(zones[a]).work - size(zones[b]).work || a - b);
  for (const z of order) {
    if (!alive[z]) continue;
    const mine = size(zones[z]);
    if (mine.work >= ZONE_DEFAULTS.mergeBelowShare * capacity) continue;
    let target = -1;
    let targetWork = Infinity;
    for (const m of zones[z]) {
      for (const b of neighbours[m]) {
        const other = zoneOf[b];
        if (other === z || !alive[other]) continue;
        const theirs = size(zones[other]);
        const merged = work(mine.n + theirs.n, zones[z].length + zones[other].length, mine.service + theirs.service);
        if (merged <= capacity && theirs.work < targetWork) {
          target = other;
          targetWork = theirs.work;
        }
      }
    }
    if (target < 0) continue;
    for (const m of zones[z]) zoneOf[m] = target;
    zones[target].push(...zones[z]);
    zones[z] = [];
    alive[z] = false;
  }
  return zones.filter((_, i) => alive[i]).map((members) => members.map((m) => groups[m]));
}

/** Last resort for a very dense spot: pie slices around the centre, each within the capacity. */
function sliceCell(tickets: readonly ZoneTicket[], g: CellGroup, resolution: number, options: ZoneOptions): Zone[] {
  const angle = (i: number) => Math.atan2(tickets[i].lat - g.lat, tickets[i].lon - g.lon);
  const sorted = g.tickets.slice().sort((a, b) => angle(a) - angle(b) || a - b);
  const zones: Zone[] = [];
  let current: number[] = [];
  let service = 0;
  const flush = () => {
    if (current.length === 0) return;
    const zone = makeZone(tickets, [{ ...g, tickets: current, serviceSeconds: service }], resolution, options.travel);
    zone.id = `${zone.id}/${zones.length + 1}`;
    zones.push(zone);
    current = [];
    service = 0;
  };
  for (const i of sorted) {
    const s = tickets[i].serviceSeconds;
    const next = service + s + estimateZoneTravelSeconds(current.length + 1, 1, resolution, options.travel);
    if (current.length > 0 && next > options.capacitySeconds) flush();
    current.push(i);
    service += s;
  }
  flush();
  return zones;
}

function makeZone(tickets: readonly ZoneTicket[], members: CellGroup[], resolution: number, travel: TravelModel): Zone {
  return zoneOfTickets(tickets, members.flatMap((m) => m.tickets), members.map((m) => m.cell), resolution, travel);
}

/**
 * A zone made of the given tickets (indexes into `tickets`) over the given H3
 * cells: its service time, estimated travel and centroid.
 */
export function zoneOfTickets(tickets: readonly ZoneTicket[], ticketIndexes: readonly number[], zoneCells: readonly string[], resolution: number, travel: TravelModel): Zone {
  const cells = [...zoneCells].sort();
  const indexes = [...ticketIndexes].sort((a, b) => a - b);
  let service = 0;
  let lat = 0;
  let lon = 0;
  for (const i of indexes) {
    service += tickets[i].serviceSeconds;
    lat += tickets[i].lat;
    lon += tickets[i].lon;
  }
  const travelSeconds = estimateZoneTravelSeconds(indexes.length, cells.length, resolution, travel);
  return {
    id: `${resolution}:${cells[0]}`,
    resolution,
    cells,
    tickets: indexes,
    serviceSeconds: service,
    travelSeconds,
    workSeconds: service + travelSeconds,
    centroid: { lat: lat / indexes.length, lon: lon / indexes.length },
  };
}

/** The zone's outline: its cells merged, as a GeoJSON MultiPolygon ([lon, lat]). */
export function zoneOutline(zone: Pick<Zone, 'cells'>): { type: 'MultiPolygon'; coordinates: number[][][][] } {
  return { type: 'MultiPolygon', coordinates: cellsToMultiPolygon(zone.cells, true) };
}
