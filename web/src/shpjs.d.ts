/** shpjs (MIT, calvinmetcalf/shapefile-js) ships no types: the one call the setup page makes. */
declare module 'shpjs' {
  /** A zipped Shapefile (.shp, .dbf, .prj, .cpg) as GeoJSON in WGS84: one collection, or one per layer. */
  export default function shp(zip: ArrayBuffer | Uint8Array): Promise<GeoJSON.FeatureCollection | GeoJSON.FeatureCollection[]>;
}
