import type { AppContext } from '../../platform/context.js';
import type { Runner } from '../../platform/db/knex.js';
import type { Utility } from '../utilities/service.js';
import type { StaffUser } from '../auth/view.js';
import { insertPhoto, type PhotoRecord } from './repository.js';
import { referencedPhotoKeys } from './photos.repository.js';
import { sniffPhoto, type PhotoHeader, type PhotoBody } from '../../platform/storage/photos.js';
import { DomainError, ErrorCode, notFound } from '../../core/domain/errors.js';
import { logger, type Logger } from '../../platform/log.js';

export interface StoredPhoto {
  header: PhotoHeader;
  storedPath: string;
}

/**
 * Sniffs the photo's header (refusing a non-image, an oversize or cut-short
 * file) and stores the original durably, before any row is written. The
 * pixels are decoded after the acknowledgment (photo-analysis.service.ts).
 */
export async function storePhoto(ctx: AppContext, _utility: Utility, buffer: Buffer, sha256?: string): Promise<StoredPhoto> {
  const header = await sniffPhoto(buffer, 'photo', sha256);
  return { header, storedPath: await ctx.photos.save(buffer, header) };
}

/** The photo's row, inside the caller's transaction: its analysis pending (blur score and EXIF unknown yet). */
export async function recordPhoto(db: Runner, utility: Utility, ticketId: number, kind: 'report' | 'result', photo: StoredPhoto, uploadedBy: number | null, analysisLeaseUntil: Date): Promise<number> {
  const { extension: _extension, ...header } = photo.header;
  return insertPhoto(db, { ...header, blurScore: null, exifLat: null, exifLon: null, exifTakenAt: null, utilityId: utility.id, ticketId, kind, storedPath: photo.storedPath, uploadedBy, analysisLeaseUntil });
}

export const photoSizes = ['full', 'thumb', 'original'] as const;
export type PhotoSize = (typeof photoSizes)[number];

/**
 * What is sent for a photo the viewer may read (the caller checked that): the
 * thumbnail or the full-size copy, both without metadata; the original, EXIF
 * and all, to an admin only. A stored file that has gone is a 404 and a log
 * line, never a crash.
 */
export async function photoBodyFor(ctx: AppContext, user: StaffUser, photo: PhotoRecord, size: PhotoSize, log: Logger = logger): Promise<PhotoBody> {
  if (size === 'original' && user.role !== 'admin') {
    throw new DomainError(ErrorCode.forbidden, 'Only an admin may download the original photo (with its EXIF)', { size });
  }
  let body: PhotoBody | null;
  if (size === 'original') {
    const stream = await ctx.photos.original(photo.storedPath);
    body = stream && { mimeType: photo.mimeType, body: stream };
  } else {
    body = size === 'thumb' ? await ctx.photos.thumbnail(photo.storedPath) : await ctx.photos.served(photo.storedPath, photo.mimeType);
  }
  if (!body) {
    log.error({ photoId: photo.id, storedPath: photo.storedPath, store: ctx.photos.backend.kind }, 'A photo row names a stored file that is missing');
    throw notFound('photo file', photo.id);
  }
  return body;
}

/**
 * Deletes stored photo files no photo row refers to, last written more than
 * `minAgeMinutes` ago (a report may be between storing its photo and committing
 * its row). `npm run photos:sweep`.
 */
export async function sweepOrphanPhotos(ctx: AppContext, minAgeMinutes = 60): Promise<{ examined: number; deleted: string[] }> {
  const before = new Date(ctx.now().getTime() - minAgeMinutes * 60_000);
  const result = await ctx.photos.sweep((keys) => referencedPhotoKeys(ctx.db, keys), before);
  logger.info({ examined: result.examined, deleted: result.deleted.length }, 'Orphan photo files swept');
  return result;
}
