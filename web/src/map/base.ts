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
  markDraws(map, target);
  return map;
}

/**
 * After each complete draw: the number of vector features on the map, as
 * `data-drawn-features` on the map's element and a `map-drawn` performance
 * mark (what `npm run bench:console` and the browser tests wait for).
 */
function markDraws(map: Map, target: HTMLElement): void {
  map.on('rendercomplete', () => {
    let features = 0;
    for (const layer of map.getAllLayers()) {
      const source = layer.getSource();
      if (source instanceof VectorSource) features += source.getFeatures().length;
    }
    target.dataset.drawnFeatures = String(features);
    performance.mark('map-drawn', { detail: features });
  });
}
