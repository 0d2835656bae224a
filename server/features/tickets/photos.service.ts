import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import { insertPhoto } from './repository.js';
import { analysePhoto, type PhotoAnalysis } from '../../platform/storage/photos.js';

export interface StoredPhoto {
  analysis: PhotoAnalysis;
  storedPath: string;
}

/** Decodes and measures a photo (refusing a non-image) and puts it on disk, before any row is written. */
export async function storePhoto(ctx: AppContext, utility: Utility, buffer: Buffer): Promise<StoredPhoto> {
  const analysis = await analysePhoto(buffer, utility.timeZone);
  return { analysis, storedPath: await ctx.photos.save(buffer, analysis) };
}

/** The photo's row, inside the caller's transaction. */
export async function recordPhoto(db: Runner, utility: Utility, ticketId: number, kind: 'report' | 'result', photo: StoredPhoto, uploadedBy: number | null): Promise<number> {
  const { extension: _extension, ...facts } = photo.analysis;
  return insertPhoto(db, { ...facts, utilityId: utility.id, ticketId, kind, storedPath: photo.storedPath, uploadedBy });
}
