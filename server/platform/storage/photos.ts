import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp, type Metadata } from 'sharp';
import exifr from 'exifr';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { zonedTimeToUtc } from '../../core/domain/time.js';

/**
 * What is measured of a photo, as the photos table stores it. Declared here,
 * where it is measured, so storage needs nothing from the features that use it.
 */
export interface PhotoFacts {
  sha256: string;
  mimeType: string;
  sizeBytes: number;
  width: number;
  height: number;
  blurScore: number;
  exifLat: number | null;
  exifLon: number | null;
  exifTakenAt: Date | null;
}

/** What we learn from a photo before anything is stored. */
export interface PhotoAnalysis extends PhotoFacts {
  extension: string;
}

const acceptedFormats: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  heif: { mime: 'image/heic', ext: 'heic' },
};

const LAPLACIAN = [0, 1, 0, 1, -4, 1, 0, 1, 0];
const LAPLACIAN_OFFSET = 128; // keeps negative responses from clipping at 0

/** Variance of the Laplacian: the standard cheap focus measure (Pech-Pacheco et al. 2000). */
async function blurScoreOf(image: Sharp): Promise<number> {
  // eslint-disable-next-line no-restricted-syntax -- sharp's .raw() below asks for raw pixels, not raw SQL
  const { data } = await image
    .clone()
    .rotate()
    .greyscale()
    .resize(512, 512, { fit: 'inside', withoutEnlargement: true })
    .convolve({ width: 3, height: 3, kernel: LAPLACIAN, scale: 1, offset: LAPLACIAN_OFFSET })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] - LAPLACIAN_OFFSET;
    sum += v;
    sumSquares += v * v;
  }
  const mean = sum / data.length;
  return Math.round((sumSquares / data.length - mean * mean) * 100) / 100;
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Camera clocks write local wall-clock time without a zone: read it in the
 * utility's zone unless the photo carries its own offset (OffsetTimeOriginal).
 */
function exifTimeToUtc(raw: unknown, offset: unknown, timeZone: string): Date | null {
  if (typeof raw !== 'string') return null;
  const m = raw.trim().match(EXIF_DATE);
  if (!m) return null;
  const [, y, mo, d, h, mi, se] = m;
  if (typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim())) {
    const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset.trim()}`);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  const at = zonedTimeToUtc(`${y}-${mo}-${d}`, `${h}:${mi}:${se}`, timeZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

async function exifOf(buffer: Buffer, timeZone: string): Promise<{ lat: number | null; lon: number | null; takenAt: Date | null }> {
  try {
    const tags = await exifr.parse(buffer, { gps: true, reviveValues: false });
    const gps = await exifr.gps(buffer).catch(() => undefined);
    const lat = gps && Number.isFinite(gps.latitude) && Math.abs(gps.latitude) <= 90 ? gps.latitude : null;
    const lon = gps && Number.isFinite(gps.longitude) && Math.abs(gps.longitude) <= 180 ? gps.longitude : null;
    const takenAt = tags ? exifTimeToUtc(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal, timeZone) : null;
    return { lat, lon, takenAt };
  } catch {
    return { lat: null, lon: null, takenAt: null }; // EXIF is a hint, never a reason to refuse a report
  }
}

/** Decodes the photo (refusing anything that is not an image) and measures it. */
export async function analysePhoto(buffer: Buffer, timeZone: string, field = 'photo'): Promise<PhotoAnalysis> {
  let metadata: Metadata;
  // sharp throws at construction on an empty buffer: a zero-byte upload is no photo.
  if (buffer.length === 0) throw new DomainError(ErrorCode.photoNotImage, 'The photo file is empty (0 bytes)', { field });
  const image = sharp(buffer, { failOn: 'error' });
  try {
    metadata = await image.metadata();
  } catch {
    throw new DomainError(ErrorCode.photoNotImage, 'The photo is not an image we can read (JPEG, PNG, WebP or HEIC)', { field });
  }
  const format = metadata.format ? acceptedFormats[metadata.format] : undefined;
  if (!format || !metadata.width || !metadata.height) {
    throw new DomainError(ErrorCode.photoNotImage, 'The photo is not an image we can read (JPEG, PNG, WebP or HEIC)', { field, format: metadata.format ?? null });
  }
  let blurScore: number;
  try {
    blurScore = await blurScoreOf(image);
  } catch {
    throw new DomainError(ErrorCode.photoNotImage, 'The photo could not be decoded; it may be damaged', { field });
  }
  const exif = await exifOf(buffer, timeZone);
  return {
    sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
    mimeType: format.mime,
    extension: format.ext,
    sizeBytes: buffer.length,
    width: metadata.width,
    height: metadata.height,
    blurScore,
    exifLat: exif.lat,
    exifLon: exif.lon,
    exifTakenAt: exif.takenAt,
  };
}

/**
 * Content-addressed photo storage on disk: `<ab>/<sha256>.<ext>` under the
 * photo directory. Writes go to a temporary file, are fsynced and renamed, so
 * a photo is either whole on disk or absent. The same photo twice is one file.
 */
export class PhotoStore {
  constructor(readonly root: string) {}

  relativePathOf(a: Pick<PhotoAnalysis, 'sha256' | 'extension'>): string {
    return path.join(a.sha256.slice(0, 2), `${a.sha256}.${a.extension}`);
  }

  absolutePathOf(relativePath: string): string {
    return path.join(this.root, relativePath);
  }

  async save(buffer: Buffer, analysis: PhotoAnalysis): Promise<string> {
    const relative = this.relativePathOf(analysis);
    const target = this.absolutePathOf(relative);
    try {
      await fs.access(target);
      return relative;
    } catch {
      // not stored yet
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    const handle = await fs.open(temporary, 'w');
    try {
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
    return relative;
  }

  /** A small JPEG for lists and route cards, made on demand and cached beside the photo. */
  async thumbnail(relativePath: string, widthPx = 320): Promise<string> {
    const source = this.absolutePathOf(relativePath);
    const target = `${source}.w${widthPx}.jpg`;
    try {
      await fs.access(target);
      return target;
    } catch {
      // make it
    }
    const temporary = `${target}.${process.pid}.tmp`;
    await sharp(source).rotate().resize(widthPx, widthPx, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toFile(temporary);
    await fs.rename(temporary, target);
    return target;
  }
}
