/**
 * A utility's service area and service regions as its admin imports or draws
 * them: the checks that need no database (is it GeoJSON, polygons, closed
 * rings, a name), the naming rule, and the problem vocabulary. The checks that
 * need PostGIS (valid, non-empty, inside the area, no overlaps) run in
 * features/geography/repository.ts and answer with the same
 * problems, so the console shows one list whatever found them.
 */

export type GeographyLayer = 'area' | 'regions';

export type GeographyProblemReason =
  | 'not_geojson' // the file is not a GeoJSON FeatureCollection, Feature or geometry
  | 'too_many_features'
  | 'too_large' // the file is larger than the import takes
  | 'wrong_type' // a feature that is not a Polygon or MultiPolygon
  | 'bad_coordinates' // not [lon, lat] numbers within range
  | 'too_few_points' // a ring of fewer than 4 positions
  | 'ring_not_closed'
  | 'missing_name'
  | 'empty' // no area at all
  | 'self_intersection'
  | 'invalid' // any other ST_IsValid failure (ST_IsValidReason in details)
  | 'overlap' // two regions share more than an edge
  | 'outside_area' // a region reaches outside the service area
  | 'no_area' // regions without a service area to lie in
  | 'region_in_use'; // a region the import would remove, but tickets or crews refer to it

export interface GeographyProblem {
  layer: GeographyLayer;
  /** 0-based index of the feature in the file (null: the file as a whole, or a stored region). */
  feature: number | null;
  name: string | null;
  reason: GeographyProblemReason;
  /** English and Bahasa Indonesia, naming the feature (its 1-based number and name). */
  message: string;
  messageId: string;
  details?: Record<string, unknown>;
}

export type PolygonalGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface GeographyFeature {
  layer: GeographyLayer;
  index: number;
  name: string | null;
  geometry: PolygonalGeometry;
}

/** Limits of one import; tolerances of the PostGIS checks (real boundaries meet with rounding noise). */
export const geographyDefaults = {
  /** Largest request body of an import (the GeoJSON of the area and the regions together). */
  maxBytes: 8 * 1024 * 1024,
  maxFeatures: 5000,
  maxPositions: 500_000,
  /** Two regions overlapping by at most this much only share an edge (m²). */
  overlapToleranceM2: 10,
  /** A region reaching this little outside the area is inside it (m²). */
  outsideToleranceM2: 10,
  /** Property names tried, in order, when the admin names none. */
  nameProperties: ['name', 'nama', 'NAME', 'NAMA', 'Name', 'Nama', 'wilayah', 'WILAYAH'],
};

/** "feature 3 “Antang”" / "fitur ke-3 “Antang”": the 1-based number people count with, and the name if any. */
function featureLabel(layer: GeographyLayer, feature: number | null, name: string | null): { en: string; id: string } {
  const what = layer === 'area' ? { en: 'service area', id: 'wilayah pelayanan' } : { en: 'regions', id: 'wilayah' };
  if (feature === null && name !== null) return { en: `Region “${name}”`, id: `Wilayah “${name}”` };
  if (feature === null) return { en: `The ${what.en} file`, id: `Berkas ${what.id}` };
  const quoted = name ? ` “${name}”` : '';
  return { en: `Feature ${feature + 1}${quoted} of the ${what.en} file`, id: `Fitur ke-${feature + 1}${quoted} pada berkas ${what.id}` };
}

const sentences: Record<GeographyProblemReason, (d: Record<string, unknown>) => { en: string; id: string }> = {
  not_geojson: () => ({ en: 'is not GeoJSON (a FeatureCollection, a Feature or a Polygon/MultiPolygon geometry)', id: 'bukan GeoJSON (FeatureCollection, Feature, atau geometri Polygon/MultiPolygon)' }),
  too_large: (d) => ({ en: `is larger than ${d.limitMb} MB: simplify it (e.g. mapshaper, 5-10 m) or import the regions in parts`, id: `lebih besar dari ${d.limitMb} MB: sederhanakan (mis. mapshaper, 5-10 m) atau impor wilayah sebagian-sebagian` }),
  too_many_features: (d) => ({ en: `has more than ${d.limit} features`, id: `berisi lebih dari ${d.limit} fitur` }),
  wrong_type: (d) => ({ en: `is a ${d.type}, not a Polygon or MultiPolygon`, id: `berjenis ${d.type}, bukan Polygon atau MultiPolygon` }),
  bad_coordinates: () => ({ en: 'has coordinates that are not [longitude, latitude] numbers in range', id: 'memiliki koordinat yang bukan angka [bujur, lintang] yang sah' }),
  too_few_points: () => ({ en: 'has a ring with fewer than 4 points', id: 'memiliki cincin (ring) dengan kurang dari 4 titik' }),
  ring_not_closed: () => ({ en: 'has a ring whose last point is not its first (not closed)', id: 'memiliki cincin (ring) yang tidak tertutup (titik akhir bukan titik awal)' }),
  missing_name: (d) => ({ en: `has no name (property “${d.property}”)`, id: `tidak bernama (properti “${d.property}”)` }),
  empty: () => ({ en: 'is empty (it has no area)', id: 'kosong (tidak memiliki luas)' }),
  self_intersection: (d) => ({ en: `crosses itself${at(d)}`, id: `berpotongan dengan dirinya sendiri${at(d)}` }),
  invalid: (d) => ({ en: `is not a valid polygon (${d.reason})`, id: `bukan poligon yang sah (${d.reason})` }),
  overlap: (d) => ({
    en: `overlaps ${d.otherName ? `region “${d.otherName}”` : 'another region'} (feature ${Number(d.otherFeature) + 1}) by ${d.overlapM2} m²`,
    id: `bertumpang tindih dengan ${d.otherName ? `wilayah “${d.otherName}”` : 'wilayah lain'} (fitur ke-${Number(d.otherFeature) + 1}) seluas ${d.overlapM2} m²`,
  }),
  outside_area: (d) => ({ en: `lies ${d.outsideM2} m² outside the service area`, id: `keluar dari wilayah pelayanan seluas ${d.outsideM2} m²` }),
  no_area: () => ({ en: 'has no service area to lie in: import the service area first, or take the area from the regions', id: 'tidak memiliki wilayah pelayanan: impor wilayah pelayanan terlebih dahulu, atau ambil dari gabungan wilayah' }),
  region_in_use: (d) => ({
    en: `is not in the file, but ${d.tickets} ticket(s) and ${d.crews} crew(s) refer to it: keep a feature with this name (its shape may change), or move its crews first`,
    id: `tidak ada di berkas, tetapi dipakai oleh ${d.tickets} tiket dan ${d.crews} regu: sertakan fitur dengan nama ini (bentuknya boleh berubah), atau pindahkan regunya terlebih dahulu`,
  }),
};

function at(d: Record<string, unknown>): string {
  return typeof d.lon === 'number' && typeof d.lat === 'number' ? ` near ${d.lon.toFixed(5)}, ${d.lat.toFixed(5)}` : '';
}

export function geographyProblem(layer: GeographyLayer, feature: number | null, name: string | null, reason: GeographyProblemReason, details: Record<string, unknown> = {}): GeographyProblem {
  const label = featureLabel(layer, feature, name);
  const text = sentences[reason](details);
  const idText = reason === 'self_intersection' ? text.id.replace(' near ', ' dekat ') : text.id;
  return { layer, feature, name, reason, message: `${label.en} ${text.en}`, messageId: `${label.id} ${idText}`, details: Object.keys(details).length ? details : undefined };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string-valued property names of the features, in first-seen order (the console offers them as the name). */
export function stringPropertiesOf(input: unknown): string[] {
  const seen = new Set<string>();
  for (const f of rawFeaturesOf(input) ?? []) {
    if (!isPlainObject(f) || !isPlainObject(f.properties)) continue;
    for (const [k, v] of Object.entries(f.properties)) if (typeof v === 'string' && v.trim()) seen.add(k);
  }
  return [...seen];
}

/** The property a region's name is read from: the admin's choice, else name/nama/…, else the first string property. */
export function nameProperty(input: unknown, chosen?: string | null): string | null {
  if (chosen) return chosen;
  const strings = stringPropertiesOf(input);
  return geographyDefaults.nameProperties.find((p) => strings.includes(p)) ?? strings[0] ?? null;
}

function rawFeaturesOf(input: unknown): unknown[] | null {
  if (!isPlainObject(input)) return null;
  if (input.type === 'FeatureCollection') return Array.isArray(input.features) ? input.features : null;
  if (input.type === 'Feature') return [input];
  if (typeof input.type === 'string' && 'coordinates' in input) return [{ type: 'Feature', properties: {}, geometry: input }];
  return null;
}

function isPosition(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2 && p.length <= 4 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}

/** A ring's structural fault, or null. */
function ringFault(ring: unknown): 'bad_coordinates' | 'too_few_points' | 'ring_not_closed' | null {
  if (!Array.isArray(ring) || !ring.every(isPosition)) return 'bad_coordinates';
  if (ring.length < 4) return 'too_few_points';
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? null : 'ring_not_closed';
}

/** A polygon's rings' structural fault, or null; 'empty' when it has no ring. */
function polygonFault(rings: unknown): ReturnType<typeof ringFault> | 'empty' {
  if (!Array.isArray(rings)) return 'bad_coordinates';
  if (rings.length === 0) return 'empty';
  for (const ring of rings) {
    const fault = ringFault(ring);
    if (fault) return fault;
  }
  return null;
}

function positionsOf(geometry: PolygonalGeometry): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let n = 0;
  for (const rings of polygons) for (const ring of rings) n += ring.length;
  return n;
}

/** Only the positions' lon and lat: PostGIS keeps a third value, and a region has no height. */
function flatten(geometry: PolygonalGeometry): PolygonalGeometry {
  const ring = (r: number[][]) => r.map((p) => [p[0], p[1]]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(ring)) };
}

/**
 * The features of one layer's GeoJSON with what can be told without PostGIS:
 * polygons only, closed rings of at least 4 points, coordinates in range, and
 * (regions) a name. A feature with a problem is left out of `features`.
 */
export function featuresOf(input: unknown, layer: GeographyLayer, chosenNameProperty?: string | null): { features: GeographyFeature[]; problems: GeographyProblem[]; nameProperty: string | null } {
  const raw = rawFeaturesOf(input);
  const property = layer === 'regions' ? nameProperty(input, chosenNameProperty) : null;
  if (raw === null) return { features: [], problems: [geographyProblem(layer, null, null, 'not_geojson')], nameProperty: property };
  if (raw.length > geographyDefaults.maxFeatures) return { features: [], problems: [geographyProblem(layer, null, null, 'too_many_features', { limit: geographyDefaults.maxFeatures })], nameProperty: property };
  if (raw.length === 0) return { features: [], problems: [geographyProblem(layer, null, null, 'empty')], nameProperty: property };
  const features: GeographyFeature[] = [];
  const problems: GeographyProblem[] = [];
  raw.forEach((f, index) => {
    const properties = isPlainObject(f) && isPlainObject(f.properties) ? f.properties : {};
    const value = property === null ? null : properties[property];
    const name = typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ').slice(0, 200) : typeof value === 'number' ? String(value) : null;
    const geometry = isPlainObject(f) ? f.geometry : undefined;
    if (!isPlainObject(f) || f.type !== 'Feature' || !isPlainObject(geometry)) {
      problems.push(geographyProblem(layer, index, name, 'wrong_type', { type: isPlainObject(f) && isPlainObject(f.geometry) ? String(f.geometry.type) : 'feature without geometry' }));
      return;
    }
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      problems.push(geographyProblem(layer, index, name, 'wrong_type', { type: String(geometry.type).slice(0, 40) }));
      return;
    }
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const fault = Array.isArray(polygons) ? (polygons.length === 0 ? 'empty' : polygons.map(polygonFault).find((x) => x !== null) ?? null) : 'bad_coordinates';
    if (fault) {
      problems.push(geographyProblem(layer, index, name, fault));
      return;
    }
    if (layer === 'regions' && name === null) {
      problems.push(geographyProblem(layer, index, null, 'missing_name', { property: property ?? 'name' }));
      return;
    }
    features.push({ layer, index, name, geometry: flatten(geometry as PolygonalGeometry) });
  });
  const positions = features.reduce((n, f) => n + positionsOf(f.geometry), 0);
  if (positions > geographyDefaults.maxPositions) return { features: [], problems: [geographyProblem(layer, null, null, 'too_many_features', { limit: `${geographyDefaults.maxPositions} points` })], nameProperty: property };
  return { features, problems, nameProperty: property };
}

/** Regions are matched by name, case and spacing aside ("Biring Kanaya" = "biring  kanaya"). */
export function regionKeyOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A new region's code: its name in capitals, letters and digits joined by hyphens, unique among `taken`. */
export function regionCodeOf(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toUpperCase()
      .slice(0, 30) || 'WILAYAH';
  let code = base;
  for (let n = 2; taken.has(code); n += 1) code = `${base}-${n}`;
  return code;
}
