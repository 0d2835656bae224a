import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import XYZ from 'ol/source/XYZ.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { transformExtent } from 'ol/proj.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { regionBoundaries, type ClientConfig } from '../config.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { boundaryStyle } from './styles.js';

export const basemapDefaults = {
  /** Tile errors, with no tile loaded, after which the street map is given up for the boundaries alone (offline). */
  failuresBeforeFallback: 4,
  /** OpenStreetMap's standard tiles go no deeper. */
  maxZoom: 19,
};

const osmCopyright = '<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">© OpenStreetMap contributors</a>';

/** The attribution shown on the map: OpenStreetMap's own wording and link for its tiles, else the configured text (escaped). */
export function attributionOf(url: string, text: string | null): string {
  if (/(^|\.)openstreetmap\.(org|fr)\//.test(url.replace(/^https?:\/\//, ''))) return osmCopyright;
  const div = document.createElement('div');
  div.textContent = text ?? '';
  return div.innerHTML;
}

/**
 * A map of the utility's area: the street basemap (OpenStreetMap's standard
 * tiles unless the server names another, within OSM's tile usage policy: its
 * attribution, the page's origin as referrer, no prefetch beyond the view),
 * and always the region boundaries, so the map still reads offline. When the
 * tiles fail (no network), the tile layer is hidden and a notice says so;
 * `data-basemap` on the map's element tells which: none, loading, tiles or
 * fallback.
 */
export function createMap(target: HTMLElement, config: ClientConfig): Map {
  const layers = [];
  const url = config.map.basemapUrl;
  if (url) layers.push(streetLayer(target, url, config.map.basemapAttribution));
  else target.dataset.basemap = 'none';
  const boundaries = new VectorSource();
  regionBoundaries().then(
    (geojson) => boundaries.addFeatures(new GeoJSON({ featureProjection: 'EPSG:3857' }).readFeatures(geojson)),
    () => undefined, // offline without a saved copy: the map still draws the rest
  );
  layers.push(new VectorLayer({ source: boundaries, style: boundaryStyle }));
  const map = new Map({ target, layers, controls: defaultControls({ attribution: Boolean(url), attributionOptions: { collapsible: false } }), view: new View({ center: [0, 0], zoom: 2, maxZoom: basemapDefaults.maxZoom }) });
  map.getView().fit(transformExtent(config.map.bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  markDraws(map, target);
  return map;
}

function streetLayer(target: HTMLElement, url: string, attribution: string | null): TileLayer<XYZ> {
  const source = new XYZ({
    url,
    attributions: attributionOf(url, attribution),
    attributionsCollapsible: false,
    crossOrigin: 'anonymous',
    // The page itself sends no referrer; tile servers (OSM's policy) want to know the site.
    referrerPolicy: 'strict-origin-when-cross-origin',
    maxZoom: basemapDefaults.maxZoom,
    // No fade-in: the map is complete as soon as its tiles are (and a frozen test clock cannot hold it half-faded).
    transition: 0,
  });
  const layer = new TileLayer({ source, preload: 0, useInterimTilesOnError: false });
  target.dataset.basemap = 'loading';
  let loaded = 0;
  let failed = 0;
  source.on('tileloadend', () => {
    loaded++;
    if (target.dataset.basemap !== 'fallback') target.dataset.basemap = 'tiles';
  });
  source.on('tileloaderror', () => {
    failed++;
    if (loaded > 0 || failed < basemapDefaults.failuresBeforeFallback || target.dataset.basemap === 'fallback') return;
    layer.setVisible(false);
    target.dataset.basemap = 'fallback';
    target.after(h('p', { class: 'muted basemap-offline', role: 'status' }, t('basemap_offline')));
  });
  return layer;
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
