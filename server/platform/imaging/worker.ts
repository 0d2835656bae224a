/**
 * The imaging thread: one photo per task (piscina calls the default export).
 * Decodes the photo once, small: the blur score, the EXIF position and camera time, and
 * the thumbnail. No database, no logger, no store: bytes in, measures out.
 * sharp is held to one libvips thread here, so an analysis takes one core at
 * most and the libuv pool stays free for the request path's file writes.
 */
import sharp from 'sharp';
import { measurePhoto } from '../storage/photos.js';
import type { AnalyseTask, AnalyseResult } from './protocol.js';

sharp.concurrency(1);

export default async function analyse(task: AnalyseTask): Promise<AnalyseResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    // One decode, small: the blur score and the thumbnail from the same pixels (storage/photos.ts BLUR_EDGE_PX).
    const measures = await measurePhoto(bytes, task.timeZone, task.thumbnailWidth);
    return { ok: true, ...measures, exifTakenAt: measures.exifTakenAt?.toISOString() ?? null };
  } catch {
    return { ok: false, error: 'damaged' };
  }
}
