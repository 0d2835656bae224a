import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { transformExtent } from 'ol/proj.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import type { ClientConfig } from '../config.js';
import { boundaryStyle } from './styles.js';

/**
 * A map of the utility's area: a basemap when one is configured (a real
 * deployment), and always the region boundaries, so it works offline.
 */
export function createMap(target: HTMLElement, config: ClientConfig): Map {
  const layers = [];
  if (config.map.basemapUrl) {
    layers.push(new TileLayer({ source: new XYZ({ url: config.map.basemapUrl, attributions: config.map.basemapAttribution ?? undefined, crossOrigin: 'anonymous' }) }));
  }
  const boundaries = new VectorSource({
    url: `/api/v1/boundaries?level=regions&jurisdiction_id=${encodeURIComponent(config.utility.code)}`,
    format: new GeoJSON({ featureProjection: 'EPSG:3857' }),
  });
  layers.push(new VectorLayer({ source: boundaries, style: boundaryStyle }));
  const map = new Map({ target, layers, controls: defaultControls({ attribution: Boolean(config.map.basemapUrl) }), view: new View({ center: [0, 0], zoom: 2 }) });
  map.getView().fit(transformExtent(config.map.bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  return map;
}
