import { cellToBoundary, cellToLatLng, cellToParent, getResolution, latLngToCell } from 'h3-js';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { Priority } from '../../core/domain/tickets.js';
import type { Window } from './period.js';
import type { Table } from './view.js';
import { reportCountsByStoredCell, reportLocations } from './heatmap.repository.js';

/**
 * Leak heatmap: report counts per H3 cell for a window, a priority filter and
 * a map extent (rejected reports are not leaks and are left out).
 *
 * The resolution follows the map zoom so that a cell stays roughly 10-40 px
 * wide on screen. At or below the resolution stored with each ticket (the
 * utility's h3Resolution, 8 by default) the database groups by the stored cell
 * and the parents are summed here; finer than that, cells are computed from
 * the points of the (then small) extent.
 */
export const heatmapDefaults = {
  /** [minimum zoom, resolution], first match from the end wins. */
  zoomToResolution: [
    [0, 4],
    [8, 5],
    [9, 6],
    [11, 7],
    [12, 8],
    [14, 9],
    [15, 10],
  ] as [number, number][],
  maxResolution: 10,
};

export function resolutionForZoom(zoom: number): number {
  let res = heatmapDefaults.zoomToResolution[0][1];
  for (const [minZoom, r] of heatmapDefaults.zoomToResolution) if (zoom >= minZoom) res = r;
  return Math.min(res, heatmapDefaults.maxResolution);
}

export interface HeatmapQuery {
  window: Window;
  priorities?: Priority[];
  /** [minLon, minLat, maxLon, maxLat] in WGS84. */
  bbox?: [number, number, number, number];
  zoom: number;
}

export interface HeatCell {
  cell: string;
  count: number;
  lat: number;
  lon: number;
  /** The hexagon's corners, [lon, lat]: the console draws cells, not blurred points. */
  boundary: [number, number][];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export async function heatmapReport(db: Runner, utility: Utility, q: HeatmapQuery) {
  const resolution = resolutionForZoom(q.zoom);
  const fine = resolution > utility.settings.h3Resolution;
  const scope = { utilityId: utility.id, from: q.window.from, to: q.window.to, priorities: q.priorities, bbox: q.bbox };

  const counts = new Map<string, number>();
  const add = (cell: string, n: number) => counts.set(cell, (counts.get(cell) ?? 0) + n);
  if (fine) {
    for (const r of await reportLocations(db, scope)) add(latLngToCell(r.lat, r.lon, resolution), 1);
  } else {
    for (const r of await reportCountsByStoredCell(db, scope)) add(getResolution(r.cell) > resolution ? cellToParent(r.cell, resolution) : r.cell, r.count);
  }
  const cells: HeatCell[] = [...counts].map(([cell, count]) => {
    const [lat, lon] = cellToLatLng(cell);
    const boundary = cellToBoundary(cell, true).map(([x, y]) => [round6(x), round6(y)] as [number, number]);
    return { cell, count, lat: round6(lat), lon: round6(lon), boundary };
  });
  cells.sort((a, b) => b.count - a.count || (a.cell < b.cell ? -1 : 1));
  const total = cells.reduce((s, c) => s + c.count, 0);
  const data = {
    report: 'heatmap',
    timeZone: utility.timeZone,
    window: { from: q.window.firstDate, to: q.window.lastDate },
    zoom: q.zoom,
    resolution,
    priorities: q.priorities ?? null,
    bbox: q.bbox ?? null,
    total,
    maxCount: cells[0]?.count ?? 0,
    cells,
  };
  const tables: Table[] = [
    {
      name: 'Heatmap',
      title: `Reports per H3 cell (resolution ${resolution})`,
      columns: [
        { key: 'cell', header: 'H3 cell' },
        { key: 'count', header: 'Reports', kind: 'int' },
        { key: 'lat', header: 'Latitude', kind: 'coordinate' },
        { key: 'lon', header: 'Longitude', kind: 'coordinate' },
      ],
      rows: cells as unknown as Record<string, unknown>[],
    },
  ];
  return { data, tables, filename: `heatmap-r${resolution}-${q.window.firstDate}-${q.window.lastDate}` };
}
