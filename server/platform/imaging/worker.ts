/**
 * The imaging thread: one photo per task (piscina calls the default export).
 * Decodes every pixel: the blur score, the EXIF position and camera time, and
 * the thumbnail. No database, no logger, no store: bytes in, measures out.
 * sharp is held to one libvips thread here, so an analysis takes one core at
 * most and the libuv pool stays free for the request path's file writes.
 */
import sharp from 'sharp';
import { makeThumbnail, measurePhoto, MAX_PHOTO_PIXELS } from '../storage/photos.js';
import type { AnalyseTask, AnalyseResult } from './protocol.js';

sharp.concurrency(1);

export default async function analyse(task: AnalyseTask): Promise<AnalyseResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    const measures = await measurePhoto(bytes, task.timeZone);
    const thumbnail = task.thumbnailWidth ? await makeThumbnail(sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS }), task.thumbnailWidth).toBuffer() : null;
    return { ok: true, ...measures, exifTakenAt: measures.exifTakenAt?.toISOString() ?? null, thumbnail };
  } catch {
    return { ok: false, error: 'damaged' };
  }
}
