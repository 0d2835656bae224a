import Style from 'ol/style/Style.js';
import Stroke from 'ol/style/Stroke.js';
import Fill from 'ol/style/Fill.js';
import CircleStyle from 'ol/style/Circle.js';
import Text from 'ol/style/Text.js';
import type { FeatureLike } from 'ol/Feature.js';

export const priorityColours: Record<string, string> = { critical: '#c62828', high: '#ef6c00', normal: '#1565c0', none: '#607d8b' };

export const boundaryStyle = new Style({ stroke: new Stroke({ color: 'rgba(11,79,138,.55)', width: 1.5 }), fill: new Fill({ color: 'rgba(11,79,138,.03)' }) });

const ticketStyles = new globalThis.Map<string, Style>();
/** Ticket points by priority, built once and cached by key. */
export function ticketStyle(feature: FeatureLike): Style {
  const key = `${feature.get('priority') ?? 'none'}|${feature.get('selected') ? 1 : 0}`;
  let style = ticketStyles.get(key);
  if (!style) {
    const colour = priorityColours[feature.get('priority') ?? 'none'] ?? priorityColours.none;
    style = new Style({
      image: new CircleStyle({ radius: feature.get('selected') ? 9 : 6, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
    });
    ticketStyles.set(key, style);
  }
  return style;
}

/** One colour per crew (by its place in the crew list), on routes, stops, zones and bases. */
export const routeColours = ['#1b5e20', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#283593', '#9e9d24', '#d84315'];
const routeStyles = new globalThis.Map<number, Style>();
export function routeStyle(feature: FeatureLike): Style {
  const i = Number(feature.get('index') ?? 0) % routeColours.length;
  let style = routeStyles.get(i);
  if (!style) {
    style = new Style({ stroke: new Stroke({ color: routeColours[i], width: 3 }) });
    routeStyles.set(i, style);
  }
  return style;
}

const crewStyles = new globalThis.Map<string, Style>();
export function crewStyle(feature: FeatureLike): Style {
  const label = String(feature.get('code') ?? '');
  const colour = String(feature.get('colour') ?? '#102a43');
  const key = `${label}|${colour}`;
  let style = crewStyles.get(key);
  if (!style) {
    style = new Style({
      image: new CircleStyle({ radius: 8, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
      text: new Text({ text: label, offsetY: -16, font: 'bold 12px system-ui', fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
    });
    crewStyles.set(key, style);
  }
  return style;
}

export const pickedStyle = new Style({ image: new CircleStyle({ radius: 10, fill: new Fill({ color: '#c62828' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) });

export const incidentStyle = new Style({ stroke: new Stroke({ color: '#ef6c00', width: 2, lineDash: [6, 4] }), fill: new Fill({ color: 'rgba(239,108,0,.15)' }) });
