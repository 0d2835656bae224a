import 'ol/ol.css';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import { clientConfig } from '../config.js';
import { createMap } from '../map/base.js';
import { routeStyle, ticketStyle } from '../map/styles.js';

/**
 * The bench harness of `npm run bench:console` (web/bench/map.html, never in
 * the console's build): the dispatcher map's own modules (createMap, the
 * ticket and route layers and their cached styles) drawing ?tickets= open
 * tickets and ?routes= routes spread over the service area (seeded, so every
 * run draws the same), timed from navigation start to the first complete draw.
 */
const params = new URLSearchParams(location.search);
const ticketCount = Number(params.get('tickets') ?? 10_000);
const routeCount = Number(params.get('routes') ?? 25);
let seed = Number(params.get('seed') ?? 42) >>> 0;
const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const priorities = ['critical', 'high', 'normal', 'normal', 'normal', 'normal'];

const config = await clientConfig();
const [minLon, minLat, maxLon, maxLat] = config.map.bbox;
const at = () => fromLonLat([minLon + random() * (maxLon - minLon), minLat + random() * (maxLat - minLat)]);
const target = document.getElementById('map')!;
const map = createMap(target, config);
const tickets = new VectorSource({ features: Array.from({ length: ticketCount }, () => new Feature({ geometry: new Point(at()), priority: priorities[Math.floor(random() * priorities.length)] })) });
const routes = new VectorSource({ features: Array.from({ length: routeCount }, (_, index) => new Feature({ geometry: new LineString(Array.from({ length: 14 }, at)), index })) });
map.addLayer(new VectorLayer({ source: routes, style: routeStyle }));
map.addLayer(new VectorLayer({ source: tickets, style: ticketStyle }));
(window as unknown as { benchExpected: number }).benchExpected = ticketCount + routeCount;
