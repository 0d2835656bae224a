/**
 * A crew's day as GPX 1.1 (for the phone's navigation app): one waypoint per
 * stop in visit order, and the trip base -> stops -> base as a route.
 */
export interface GpxStop {
  seq: number;
  number: string;
  lat: number;
  lon: number;
  eta: string;
  priority: string;
  address: string | null;
  description: string | null;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function routeToGpx(route: { crewCode: string; date: string; stops: GpxStop[]; path: [number, number][] | null }): string {
  const name = `${route.crewCode} ${route.date}`;
  const wpt = route.stops
    .map(
      (s) =>
        `  <wpt lat="${s.lat.toFixed(7)}" lon="${s.lon.toFixed(7)}">\n` +
        `    <time>${escapeXml(s.eta)}</time>\n` +
        `    <name>${s.seq}. ${escapeXml(s.number)}</name>\n` +
        `    <desc>${escapeXml([s.priority, s.address, s.description].filter(Boolean).join(' — '))}</desc>\n` +
        `    <type>${escapeXml(s.priority)}</type>\n` +
        '  </wpt>',
    )
    .join('\n');
  const points = route.path ?? [];
  const rte = points.length >= 2 ? `  <rte>\n    <name>${escapeXml(name)}</name>\n${points.map(([lon, lat]) => `    <rtept lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>`).join('\n')}\n  </rte>` : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Tirta Dispatch" xmlns="http://www.topografix.com/GPX/1/1">',
    `  <metadata><name>${escapeXml(name)}</name></metadata>`,
    wpt,
    rte,
    '</gpx>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
