/**
 * Photo analysis off the event loop: a piscina pool of worker threads
 * (worker.ts), sized by IMAGE_THREADS (default one: on a 2-core machine the
 * request path keeps the other core). Tasks queue in the pool; the caller
 * (features/tickets/photo-analysis.service.ts) feeds it a few at a time.
 */
import { threadPool } from '../threads.js';
import type { PhotoMeasures } from '../storage/photos.js';
import type { AnalyseResult } from './protocol.js';

export interface ImagingPool {
  readonly threads: number;
  /** Measures a photo and makes its thumbnail; `damaged` when the pixels do not decode. */
  analyse(bytes: Buffer, timeZone: string, thumbnailWidth: number | null): Promise<({ ok: true; thumbnail: Buffer | null } & PhotoMeasures) | { ok: false; error: 'damaged' }>;
  close(): Promise<void>;
}

export function createImagingPool(threads: number): ImagingPool {
  const piscina = threadPool(import.meta.url, 'worker', threads);
  return {
    threads,
    async analyse(bytes, timeZone, thumbnailWidth) {
      const r = (await piscina.run({ bytes, timeZone, thumbnailWidth })) as AnalyseResult;
      if (!r.ok) return r;
      return {
        ok: true,
        blurScore: r.blurScore,
        exifLat: r.exifLat,
        exifLon: r.exifLon,
        exifTakenAt: r.exifTakenAt === null ? null : new Date(r.exifTakenAt),
        thumbnail: r.thumbnail ? Buffer.from(r.thumbnail.buffer, r.thumbnail.byteOffset, r.thumbnail.byteLength) : null,
      };
    },
    close: () => piscina.destroy(),
  };
}

let shared: ImagingPool | null = null;
let sharedThreads = 1;

/** Sets the size of the process's pool (IMAGE_THREADS; the composition calls it at start). */
export function configureImagingPool(threads: number): void {
  if (sharedThreads === threads && shared) return;
  sharedThreads = threads;
  const old = shared;
  shared = null;
  void old?.close();
}

/** The process's imaging pool, made on first use. */
export function imagingPool(): ImagingPool {
  shared ??= createImagingPool(sharedThreads);
  return shared;
}
