import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import Fill from 'ol/style/Fill.js';
import Text from 'ol/style/Text.js';
import type Feature from 'ol/Feature.js';
import type { FeatureLike } from 'ol/Feature.js';
import type Geometry from 'ol/geom/Geometry.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Polygon from 'ol/geom/Polygon.js';

/** The setup map's layers: the stored area (dashed), the stored regions (named), a preview (orange; a feature at fault red). */
export const areaStyle = new Style({ stroke: new Stroke({ color: 'rgba(11,79,138,.8)', width: 2, lineDash: [8, 6] }), fill: new Fill({ color: 'rgba(11,79,138,.04)' }) });

const regionBase = new Style({ stroke: new Stroke({ color: '#0b4f8a', width: 1.5 }), fill: new Fill({ color: 'rgba(11,79,138,.10)' }) });
/** Where a region's name goes: inside its largest part (a region of many islands is named once, not on every island). */
function labelPoint(feature: FeatureLike): Geometry | undefined {
  const g = (feature as Feature).getGeometry?.();
  if (g instanceof MultiPolygon) {
    let best: Polygon | null = null;
    for (const part of g.getPolygons()) if (!best || part.getArea() > best.getArea()) best = part;
    return best?.getInteriorPoint();
  }
  return g instanceof Polygon ? g.getInteriorPoint() : g;
}
const regionLabels = new globalThis.Map<string, Style>();
export function regionStyle(feature: FeatureLike): Style[] {
  const name = String(feature.get('name') ?? '');
  let label = regionLabels.get(name);
  if (!label) {
    label = new Style({ geometry: labelPoint, text: new Text({ text: name, font: '600 12px system-ui, sans-serif', overflow: true, fill: new Fill({ color: '#0b2f52' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) });
    regionLabels.set(name, label);
  }
  return [regionBase, label];
}

const previewOk = new Style({ stroke: new Stroke({ color: '#ef6c00', width: 2 }), fill: new Fill({ color: 'rgba(239,108,0,.15)' }) });
const previewBad = new Style({ stroke: new Stroke({ color: '#c62828', width: 3 }), fill: new Fill({ color: 'rgba(198,40,40,.30)' }) });
export const previewStyle = (feature: FeatureLike): Style => (feature.get('problem') ? previewBad : previewOk);
