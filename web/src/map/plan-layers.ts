/**
 * A plan on the dispatcher's map: the day's H3 zones, each crew's trip line and
 * numbered stops in the crew's colour, and the unplanned tickets. Styles built
 * once and cached by key; a draft's lines are dashed (not the crews' day yet).
 */
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import LineString from 'ol/geom/LineString.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Map from 'ol/Map.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import Fill from 'ol/style/Fill.js';
import CircleStyle from 'ol/style/Circle.js';
import Text from 'ol/style/Text.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { Schemas } from '../api.js';
import { priorityColours } from './styles.js';

/** The day's zones as GET /api/v1/zones answers them (GeoJSON). */
export type ZoneCollection = Schemas['ZoneCollection'];

export interface PlanLayers {
  zones: VectorSource;
  routes: VectorSource;
  stops: VectorSource;
  unplanned: VectorSource;
}

const UNZONED = '#829ab1';

/** Adds the plan's layers above the map's own (zones lowest, stops on top). */
export function addPlanLayers(map: Map): PlanLayers {
  const layers = { zones: new VectorSource(), routes: new VectorSource(), stops: new VectorSource(), unplanned: new VectorSource() };
  map.addLayer(new VectorLayer({ source: layers.zones, style: zoneStyle }));
  map.addLayer(new VectorLayer({ source: layers.routes, style: tripStyle }));
  map.addLayer(new VectorLayer({ source: layers.unplanned, style: unplannedStyle }));
  map.addLayer(new VectorLayer({ source: layers.stops, style: stopStyle }));
  return layers;
}

export function drawZones(layers: PlanLayers, zones: ZoneCollection, colourOf: (crewId: number) => string): void {
  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  layers.zones.clear();
  for (const z of zones.features) {
    const f = format.readFeature(z) as Feature;
    f.setProperties({ kind: 'zone', colour: z.properties.crewId === null ? UNZONED : colourOf(z.properties.crewId), label: String(z.properties.ticketCount) });
    layers.zones.addFeature(f);
  }
}

/**
 * The plan's trips, stops (numbered as the crew drives them) and unplanned tickets; `selected` is drawn larger.
 * Returns the vertices of each trip line drawn (on a road network: the streets' shape points, many per stop).
 */
export function drawPlan(layers: PlanLayers, plan: Schemas['Plan'], colourOf: (crewId: number) => string, selected: number | null): number[] {
  const vertices: number[] = [];
  layers.routes.clear();
  layers.stops.clear();
  layers.unplanned.clear();
  const draft = plan.status === 'draft';
  for (const r of plan.routes) {
    const colour = colourOf(r.crewId);
    if (r.path && r.path.coordinates.length > 1) {
      const line = new LineString(r.path.coordinates.map((c) => fromLonLat(c)));
      layers.routes.addFeature(new Feature({ geometry: line, kind: 'trip', crewId: r.crewId, colour, draft }));
      vertices.push(line.getCoordinates().length);
    }
    for (const s of r.stops) {
      layers.stops.addFeature(
        new Feature({ geometry: new Point(fromLonLat([s.lon, s.lat])), kind: 'stop', ticketId: s.ticketId, crewId: r.crewId, colour, label: String(s.seq), selected: s.ticketId === selected }),
      );
    }
  }
  for (const u of plan.unplanned) {
    layers.unplanned.addFeature(new Feature({ geometry: new Point(fromLonLat([u.lon, u.lat])), kind: 'unplanned', ticketId: u.ticketId, priority: u.priority, selected: u.ticketId === selected }));
  }
  return vertices;
}

const zoneStyles = new globalThis.Map<string, Style>();
function zoneStyle(feature: FeatureLike): Style {
  const colour = String(feature.get('colour'));
  const label = String(feature.get('label') ?? '');
  const key = `${colour}|${label}`;
  let style = zoneStyles.get(key);
  if (!style) {
    style = new Style({
      stroke: new Stroke({ color: colour, width: 1.5, lineDash: [4, 3] }),
      fill: new Fill({ color: `${colour}1f` }),
      text: new Text({ text: label, font: '12px system-ui', fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
    });
    zoneStyles.set(key, style);
  }
  return style;
}

const tripStyles = new globalThis.Map<string, Style>();
function tripStyle(feature: FeatureLike): Style {
  const key = `${feature.get('colour')}|${feature.get('draft') ? 1 : 0}`;
  let style = tripStyles.get(key);
  if (!style) {
    style = new Style({ stroke: new Stroke({ color: String(feature.get('colour')), width: 3, lineDash: feature.get('draft') ? [8, 6] : undefined }) });
    tripStyles.set(key, style);
  }
  return style;
}

const stopStyles = new globalThis.Map<string, Style>();
function stopStyle(feature: FeatureLike): Style {
  const selected = Boolean(feature.get('selected'));
  const key = `${feature.get('colour')}|${feature.get('label')}|${selected ? 1 : 0}`;
  let style = stopStyles.get(key);
  if (!style) {
    style = new Style({
      image: new CircleStyle({ radius: selected ? 13 : 10, fill: new Fill({ color: String(feature.get('colour')) }), stroke: new Stroke({ color: selected ? '#102a43' : '#fff', width: selected ? 3 : 2 }) }),
      text: new Text({ text: String(feature.get('label')), font: 'bold 11px system-ui', fill: new Fill({ color: '#fff' }) }),
      zIndex: selected ? 2 : 1,
    });
    stopStyles.set(key, style);
  }
  return style;
}

const unplannedStyles = new globalThis.Map<string, Style>();
function unplannedStyle(feature: FeatureLike): Style {
  const selected = Boolean(feature.get('selected'));
  const key = `${feature.get('priority')}|${selected ? 1 : 0}`;
  let style = unplannedStyles.get(key);
  if (!style) {
    const colour = priorityColours[String(feature.get('priority'))] ?? priorityColours.none;
    style = new Style({
      image: new CircleStyle({ radius: selected ? 11 : 8, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color: selected ? '#102a43' : colour, width: 3 }) }),
      text: new Text({ text: '!', font: 'bold 11px system-ui', fill: new Fill({ color: colour }) }),
    });
    unplannedStyles.set(key, style);
  }
  return style;
}
