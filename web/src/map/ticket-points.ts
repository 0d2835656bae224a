import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import type Layer from 'ol/layer/Layer.js';
import VectorSource from 'ol/source/Vector.js';
import type { FlatStyle } from 'ol/style/flat.js';
import type { Schemas } from '../api.js';
import { priorityColours, ticketStyle } from './styles.js';

/** Offsets of a ticket's numbers in GET /api/v1/tickets/map's flat `points` (its `fields`). */
const ID = 0;
const LON = 1;
const LAT = 2;
const PRIORITY = 3;
const STATUS = 4;
const STRIDE = 5;

const EARTH_RADIUS = 6378137; // EPSG:3857's sphere, metres
const DEGREES = Math.PI / 180;

/** The map's point for each ticket: its id, priority and status codes as properties, nothing heavier (projected inline: 10,000 calls of fromLonLat cost more than the arithmetic). */
export function featuresOfPoints(answer: Schemas['TicketPoints']): Feature<Point>[] {
  const { points, priorities, statuses } = answer;
  const features = new Array<Feature<Point>>(points.length / STRIDE);
  for (let i = 0, f = 0; i < points.length; i += STRIDE, f++) {
    const x = EARTH_RADIUS * points[i + LON] * DEGREES;
    const y = EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (points[i + LAT] * DEGREES) / 2));
    const p = points[i + PRIORITY];
    const feature = new Feature({ geometry: new Point([x, y]), ticketId: points[i + ID], priority: p >= 0 ? priorities[p] : 'none', status: statuses[points[i + STATUS]], selected: 0 });
    feature.setId(points[i + ID]);
    features[f] = feature;
  }
  return features;
}

/** The source for the ticket points: no spatial index (a bulk load of 10,000 points costs more than the linear scans a draw then makes). */
export function ticketPointsSource(): VectorSource<Feature<Point>> {
  return new VectorSource<Feature<Point>>({ useSpatialIndex: false });
}

/** The same colours as the canvas style (styles.ts), as a WebGL expression. */
const webglStyle: FlatStyle = {
  'circle-radius': ['match', ['get', 'selected'], 1, 9, 6],
  'circle-fill-color': ['match', ['get', 'priority'], 'critical', priorityColours.critical, 'high', priorityColours.high, 'normal', priorityColours.normal, priorityColours.none],
  'circle-stroke-color': '#ffffff',
  'circle-stroke-width': 2,
};

let webgl: boolean | null = null;
/**
 * Whether this browser draws WebGL on a GPU. Without WebGL (an old phone, a
 * locked-down browser), or with WebGL emulated on the CPU (SwiftShader,
 * llvmpipe: headless Chromium, a machine without a GPU driver), the canvas
 * layer draws faster (measured by `npm run bench:console`).
 */
export function hasGpuWebgl(): boolean {
  if (webgl === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
      webgl = Boolean(gl) && !/swiftshader|llvmpipe|software/i.test(renderer);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webgl = false;
    }
  }
  return webgl;
}

/**
 * The layer of open tickets: WebGL where the browser has a GPU (10,000 points
 * drawn in one call; its code, 100 KB, loaded only then), else the canvas
 * layer with cached styles. Both read the `priority` and `selected` properties.
 */
export async function ticketPointsLayer(source: VectorSource<Feature<Point>>, renderer: 'auto' | 'webgl' | 'canvas' = 'auto'): Promise<Layer> {
  const useWebgl = renderer === 'webgl' || (renderer === 'auto' && hasGpuWebgl());
  if (!useWebgl) {
    const layer = new VectorLayer({ source, style: ticketStyle });
    // No render order: sorting 10,000 features on every draw buys nothing for dots of three colours.
    layer.setRenderOrder(null);
    return layer;
  }
  const { default: WebGLVectorLayer } = await import('ol/layer/WebGLVector.js');
  return new WebGLVectorLayer({ source, style: webglStyle });
}
