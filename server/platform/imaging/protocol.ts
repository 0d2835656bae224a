/** What crosses to and from an imaging thread (structured clone: no Date, no class). */
export interface AnalyseTask {
  bytes: Uint8Array;
  timeZone: string;
  /** Also make the list thumbnail of this width (null: none). */
  thumbnailWidth: number | null;
}

export type AnalyseResult =
  | { ok: true; blurScore: number; exifLat: number | null; exifLon: number | null; exifTakenAt: string | null; thumbnail: Uint8Array | null }
  | { ok: false; error: 'damaged' };
