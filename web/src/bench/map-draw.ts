import 'ol/ol.css';
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { clientConfig } from '../config.js';
import { createMap } from '../map/base.js';
import { routeStyle } from '../map/styles.js';
import { featuresOfPoints, ticketPointsLayer, ticketPointsSource } from '../map/ticket-points.js';

/**
 * The bench harness of `npm run bench:console` (web/bench/map.html, never in
 * the console's build): the dispatcher map's own modules (createMap, the
 * ticket points layer fed the flat answer of GET /api/v1/tickets/map, the
 * route layer and its cached styles) drawing ?tickets= open tickets and
 * ?routes= routes spread over the service area (seeded, so every run draws
 * the same), timed from navigation start to the first complete draw.
 * ?renderer=webgl|canvas forces the ticket layer's renderer (default: auto).
 */
const params = new URLSearchParams(location.search);
const ticketCount = Number(params.get('tickets') ?? 10_000);
const routeCount = Number(params.get('routes') ?? 25);
let seed = Number(params.get('seed') ?? 42) >>> 0;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const priorities = [0, 1, 2, 2, 2, 2];

const config = await clientConfig();
performance.mark('config-read');
const [minLon, minLat, maxLon, maxLat] = config.map.bbox;
const lonLat = () => [minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat)];
const at = () => fromLonLat(lonLat());
const target = document.getElementById('map')!;
const map = createMap(target, config);
const points: number[] = [];
for (let i = 0; i < ticketCount; i++) points.push(i + 1, ...lonLat(), priorities[Math.floor(random() * priorities.length)], 4);
const tickets = ticketPointsSource();
tickets.addFeatures(featuresOfPoints({ total: ticketCount, truncated: false, fields: ['id', 'lon', 'lat', 'priority', 'status'], priorities: ['critical', 'high', 'normal'], statuses: ['received', 'attached', 'merged', 'rejected', 'spk_issued'], points }));
performance.mark('features-built');
const routes = new VectorSource({ features: Array.from({ length: routeCount }, (_, index) => new Feature({ geometry: new LineString(Array.from({ length: 14 }, at)), index })) });
map.addLayer(new VectorLayer({ source: routes, style: routeStyle }));
map.addLayer(await ticketPointsLayer(tickets, (params.get('renderer') as 'webgl' | 'canvas' | null) ?? 'auto'));
(window as unknown as { benchExpected: number }).benchExpected = ticketCount + routeCount;
