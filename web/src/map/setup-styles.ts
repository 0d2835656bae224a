import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import Fill from 'ol/style/Fill.js';
import Text from 'ol/style/Text.js';
import type { FeatureLike } from 'ol/Feature.js';

/** The setup map's layers: the stored area (dashed), the stored regions (named), a preview (orange; a feature at fault red). */
export const areaStyle = new Style({ stroke: new Stroke({ color: 'rgba(11,79,138,.8)', width: 2, lineDash: [8, 6] }), fill: new Fill({ color: 'rgba(11,79,138,.04)' }) });

const regionBase = { stroke: new Stroke({ color: '#0b4f8a', width: 1.5 }), fill: new Fill({ color: 'rgba(11,79,138,.10)' }) };
const regionStyles = new globalThis.Map<string, Style>();
export function regionStyle(feature: FeatureLike): Style {
  const name = String(feature.get('name') ?? '');
  let style = regionStyles.get(name);
  if (!style) {
    style = new Style({ ...regionBase, text: new Text({ text: name, font: '600 12px system-ui, sans-serif', overflow: true, fill: new Fill({ color: '#0b2f52' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) });
    regionStyles.set(name, style);
  }
  return style;
}

const previewOk = new Style({ stroke: new Stroke({ color: '#ef6c00', width: 2 }), fill: new Fill({ color: 'rgba(239,108,0,.15)' }) });
const previewBad = new Style({ stroke: new Stroke({ color: '#c62828', width: 3 }), fill: new Fill({ color: 'rgba(198,40,40,.30)' }) });
export const previewStyle = (feature: FeatureLike): Style => (feature.get('problem') ? previewBad : previewOk);
