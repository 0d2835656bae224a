import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import sharp, { type Sharp, type Metadata } from 'sharp';
import exifr from 'exifr';
import { DomainError, ErrorCode } from '../../core/domain/errors.js';
import { zonedTimeToUtc } from '../../core/domain/time.js';
import { DiskObjectStore, type ObjectStore } from './object-store.js';
import { S3ObjectStore, type S3Settings } from './s3.js';

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
  /** Null while the analysis is pending, or when the pixels did not decode. */
  blurScore: number | null;
  exifLat: number | null;
  exifLon: number | null;
  exifTakenAt: Date | null;
}

/** Everything measured of a photo, header and pixels (analysePhoto: one thread, for the benchmark and tests). */
export interface PhotoAnalysis extends PhotoFacts {
  extension: string;
  blurScore: number;
}

const acceptedFormats: Record<string, { mime: string; ext: string }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  // sharp's prebuilt libvips reads the HEIF container only with AV1 inside (AVIF):
  // it has no HEVC decoder, so an iPhone's HEIC is refused by name below.
  avif: { mime: 'image/avif', ext: 'avif' },
};

/** What the intake says it reads (OpenAPI descriptions and error messages). */
export const ACCEPTED_PHOTO_FORMATS = 'JPEG, PNG, WebP or AVIF';

/**
 * The most pixels a photo may decode to: 40 MP is above any phone camera
 * (a 48 MP sensor saves 12 MP by default), and refuses a small file that
 * inflates to 16,000 x 16,000 before any pixel is decoded.
 */
export const MAX_PHOTO_PIXELS = 40_000_000;

const formatOf = (metadata: Metadata): string | undefined => (metadata.format === 'heif' ? (metadata.compression === 'av1' ? 'avif' : 'heic') : metadata.format);

const LAPLACIAN_OFFSET = 128; // the Laplacian is kept as a byte around this (as sharp's convolve did): responses beyond +-128 clip

/**
 * The long side, in pixels, of the image the blur score is measured on. A
 * JPEG is decoded straight at the DCT scale (1/2, 1/4, 1/8) that reaches it
 * (libvips shrink-on-load), so a 1600 x 1200 phone photo is decoded at 1/4 and
 * never at full size; the list thumbnail is made from the same pixels. It was
 * 512 until issue 11's throughput work: decoding at 1/2 cost twice as much.
 * Scores of photos up to this size are unchanged; docs/intake.md has the
 * old/new comparison behind the unchanged default threshold (settings.blurThreshold).
 */
export const BLUR_EDGE_PX = 400;

/** sRGB byte -> linear light, and linear light (in 1/65535 steps) -> sRGB byte: libvips' greyscale, without a pipeline per photo. */
let srgbToLinear: Float32Array | null = null;
let linearToSrgb: Uint8Array | null = null;
function greyTables(): { toLinear: Float32Array; toSrgb: Uint8Array } {
  if (!srgbToLinear || !linearToSrgb) {
    srgbToLinear = new Float32Array(256);
    for (let v = 0; v < 256; v++) {
      const c = v / 255;
      srgbToLinear[v] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }
    linearToSrgb = new Uint8Array(65536);
    for (let i = 0; i < 65536; i++) {
      const y = i / 65535;
      linearToSrgb[i] = Math.round(255 * (y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055));
    }
  }
  return { toLinear: srgbToLinear, toSrgb: linearToSrgb };
}

/**
 * Variance of the Laplacian of the greyscale pixels: the standard cheap focus
 * measure (Pech-Pacheco et al. 2000). Greyscale as libvips makes it (Rec. 709
 * luminance in linear light); the 3x3 Laplacian clipped to a byte around
 * LAPLACIAN_OFFSET and the edges repeated, as sharp's convolve did when it
 * computed this. In typed arrays: a libvips pipeline for it cost more than the loop.
 */
function blurScoreOf(p: RawPixels): number {
  const { data, width, height, channels } = p;
  const { toLinear, toSrgb } = greyTables();
  const grey = new Uint8Array(width * height);
  for (let i = 0, o = 0; o < grey.length; i += channels, o++) {
    grey[o] = channels < 3 ? data[i] : toSrgb[Math.round((0.2126 * toLinear[data[i]] + 0.7152 * toLinear[data[i + 1]] + 0.0722 * toLinear[data[i + 2]]) * 65535)];
  }
  let sum = 0;
  let sumSquares = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const up = (y > 0 ? y - 1 : 0) * width;
    const down = (y < height - 1 ? y + 1 : y) * width;
    for (let x = 0; x < width; x++) {
      const centre = grey[row + x];
      const laplacian = grey[up + x] + grey[down + x] + grey[row + (x > 0 ? x - 1 : 0)] + grey[row + (x < width - 1 ? x + 1 : x)] - 4 * centre;
      const v = Math.min(255, Math.max(0, laplacian + LAPLACIAN_OFFSET)) - LAPLACIAN_OFFSET;
      sum += v;
      sumSquares += v * v;
    }
  }
  const n = grey.length;
  const mean = sum / n;
  return Math.round((sumSquares / n - mean * mean) * 100) / 100;
}

/** Decoded pixels (sharp's raw output) and their layout. */
interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

const rawImage = (p: RawPixels): Sharp => sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } });

/**
 * The photo decoded once, upright, at most BLUR_EDGE_PX on its long side
 * (shrink-on-load: see BLUR_EDGE_PX). `failOn` 'warning' refuses what libjpeg
 * only warns of (data cut short inside the file), as the thumbnail's decode at
 * sharp's default always did; 'error' only what does not decode at all.
 */
async function decodeSmall(buffer: Buffer, failOn: 'warning' | 'error'): Promise<RawPixels> {
  // eslint-disable-next-line no-restricted-syntax -- sharp's .raw() asks for raw pixels, not raw SQL
  const { data, info } = await sharp(buffer, { failOn, limitInputPixels: MAX_PHOTO_PIXELS })
    .rotate()
    .resize(BLUR_EDGE_PX, BLUR_EDGE_PX, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
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

/** What the request learns of a photo cheaply (its header and its bytes), before it is stored. */
export interface PhotoHeader {
  sha256: string;
  mimeType: string;
  extension: string;
  sizeBytes: number;
  width: number;
  height: number;
}

/** What is measured after the acknowledgment, on the imaging threads (decoding every pixel). */
export interface PhotoMeasures {
  blurScore: number;
  exifLat: number | null;
  exifLon: number | null;
  exifTakenAt: Date | null;
}

/**
 * A file cut short (a JPEG without its end-of-image marker, a PNG without
 * IEND, a WebP shorter than its RIFF size): a cheap look at the tail instead
 * of decoding every pixel in the request.
 */
function isTruncated(buffer: Buffer, format: string): boolean {
  // The JPEG end-of-image marker near the end (some cameras pad after it).
  if (format === 'jpeg') return buffer.subarray(Math.max(0, buffer.length - 4096)).lastIndexOf(Buffer.from([0xff, 0xd9])) < 0;
  if (format === 'png') return buffer.subarray(Math.max(0, buffer.length - 64)).indexOf('IEND') < 0;
  if (format === 'webp') return buffer.length >= 12 && buffer.readUInt32LE(4) + 8 > buffer.length;
  return false;
}

/** The sha256 of a photo's bytes, hex: its stored name, and its part in a request's digest. */
export const sha256Of = (buffer: Buffer): string => crypto.createHash('sha256').update(buffer).digest('hex');

/**
 * The request's look at a photo: the header only (format, dimensions, the
 * pixel limit), a truncation check and the sha256, about a millisecond. No
 * pixel is decoded here: a photo whose header reads but whose pixels do not
 * is found by the analysis after the acknowledgment (analysis_error 'damaged').
 * `sha256`: the buffer's digest when the caller has it already (one pass over the bytes, not two).
 */
export async function sniffPhoto(buffer: Buffer, field = 'photo', sha256?: string): Promise<PhotoHeader> {
  let metadata: Metadata;
  // sharp throws at construction on an empty buffer: a zero-byte upload is no photo (issue 11, finding 8).
  if (buffer.length === 0) throw new DomainError(ErrorCode.photoNotImage, 'The photo file is empty (0 bytes)', { field });
  try {
    // The header only, with the pixel limit off so the limit's refusal below can name the size; every decode keeps the limit.
    metadata = await sharp(buffer, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError(ErrorCode.photoNotImage, `The photo is not an image we can read (${ACCEPTED_PHOTO_FORMATS})`, { field });
  }
  const formatName = formatOf(metadata);
  if (formatName === 'heic') {
    throw new DomainError(ErrorCode.photoNotImage, `HEIC photos cannot be read here: send ${ACCEPTED_PHOTO_FORMATS} (on an iPhone: Settings, Camera, Formats, Most Compatible)`, { field, format: 'heic' });
  }
  const format = formatName ? acceptedFormats[formatName] : undefined;
  if (!format || !metadata.width || !metadata.height) {
    throw new DomainError(ErrorCode.photoNotImage, `The photo is not an image we can read (${ACCEPTED_PHOTO_FORMATS})`, { field, format: formatName ?? null });
  }
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) {
    throw new DomainError(ErrorCode.photoTooLarge, `The photo is ${metadata.width} x ${metadata.height} pixels; at most ${MAX_PHOTO_PIXELS / 1e6} megapixels are accepted`, {
      field,
      width: metadata.width,
      height: metadata.height,
      limitPixels: MAX_PHOTO_PIXELS,
    });
  }
  if (isTruncated(buffer, formatName!)) {
    throw new DomainError(ErrorCode.photoNotImage, 'The photo file is cut short; it may be damaged', { field, format: formatName });
  }
  return {
    sha256: sha256 ?? sha256Of(buffer),
    mimeType: format.mime,
    extension: format.ext,
    sizeBytes: buffer.length,
    width: metadata.width,
    height: metadata.height,
  };
}

/**
 * Decodes the photo once, small (BLUR_EDGE_PX), and measures: the blur score,
 * the EXIF position and camera time; with `thumbnailWidth`, also makes the
 * list thumbnail from the same pixels. Runs after the acknowledgment, on an
 * imaging thread (platform/imaging); throws PHOTO_NOT_IMAGE when the pixels
 * do not decode.
 */
export async function measurePhoto(buffer: Buffer, timeZone: string, thumbnailWidth: number | null = null): Promise<PhotoMeasures & { thumbnail: Buffer | null }> {
  let blurScore: number;
  let pixels: RawPixels;
  try {
    // A report photo's thumbnail was made at sharp's default strictness, which found its damaged photos: kept so.
    pixels = await decodeSmall(buffer, thumbnailWidth === null ? 'error' : 'warning');
    blurScore = blurScoreOf(pixels);
  } catch {
    throw new DomainError(ErrorCode.photoNotImage, 'The photo could not be decoded; it may be damaged', { field: 'photo' });
  }
  // The decoded pixels are the whole photo or BLUR_EDGE_PX wide: a wider thumbnail (none is asked for today) comes from the original.
  const source = thumbnailWidth !== null && thumbnailWidth <= BLUR_EDGE_PX ? rawImage(pixels) : sharp(buffer, { limitInputPixels: MAX_PHOTO_PIXELS });
  const thumbnail = thumbnailWidth === null ? null : await makeThumbnail(source, thumbnailWidth).toBuffer();
  const exif = await exifOf(buffer, timeZone);
  return { blurScore, exifLat: exif.lat, exifLon: exif.lon, exifTakenAt: exif.takenAt, thumbnail };
}

export const THUMBNAIL_WIDTH = 320;

/** The thumbnail as served (a small JPEG, no metadata): made by the analysis, or on first use. */
export function makeThumbnail(image: Sharp, widthPx = THUMBNAIL_WIDTH): Sharp {
  return image.rotate().resize(widthPx, widthPx, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 });
}

/** Header and measures at once, in this thread (the benchmark's stage timing and tests). */
export async function analysePhoto(buffer: Buffer, timeZone: string, field = 'photo'): Promise<PhotoAnalysis> {
  const header = await sniffPhoto(buffer, field);
  const { thumbnail: _thumbnail, ...measures } = await measurePhoto(buffer, timeZone).catch((err: unknown) => {
    throw err instanceof DomainError ? new DomainError(err.code, err.message, { field }) : err;
  });
  return { ...header, ...measures };
}

const PHOTO_KEY = /^([0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+)(\..*)?$/;

/** The photo a stored key belongs to (`ab/<sha>.jpg` for itself, its thumbnails, served copy and temporary files), or null when the key is none of ours. */
export function photoKeyOf(key: string): string | null {
  return key.match(PHOTO_KEY)?.[1] ?? null;
}

/** The copy that is served: orientation applied, every metadata block (EXIF GPS, Make, Artist, XMP, IPTC) gone. */
const servedFormats: Record<string, { mime: string; ext: string; encode: (s: Sharp) => Sharp }> = {
  'image/jpeg': { mime: 'image/jpeg', ext: 'jpg', encode: (s) => s.jpeg({ quality: 90 }) },
  'image/png': { mime: 'image/png', ext: 'png', encode: (s) => s.png() },
  'image/webp': { mime: 'image/webp', ext: 'webp', encode: (s) => s.webp({ quality: 90 }) },
};
const servedAsJpeg = servedFormats['image/jpeg'];

export interface PhotoBody {
  mimeType: string;
  body: Buffer | Readable;
}

/**
 * Content-addressed photos (`ab/<sha256>.<ext>`) in an object store (the disk
 * or S3, ./object-store.ts). The original keeps its EXIF, privately; what is
 * served is a re-encoded copy without metadata, made on first use and kept
 * beside the original (`<key>.public.<ext>`), like the thumbnails (`<key>.w320.jpg`).
 * The same photo twice is one object.
 */
export class PhotoStore {
  readonly backend: ObjectStore;

  /** A directory means the local disk. */
  constructor(backend: ObjectStore | string) {
    this.backend = typeof backend === 'string' ? new DiskObjectStore(backend) : backend;
  }

  keyOf(a: Pick<PhotoHeader, 'sha256' | 'extension'>): string {
    return `${a.sha256.slice(0, 2)}/${a.sha256}.${a.extension}`;
  }

  async save(buffer: Buffer, analysis: Pick<PhotoHeader, 'sha256' | 'extension' | 'mimeType'>): Promise<string> {
    const key = this.keyOf(analysis);
    if (!(await this.backend.exists(key))) await this.backend.put(key, buffer, analysis.mimeType);
    return key;
  }

  /** The upload as it came, EXIF and all: for the admin's check only. Null when the object is gone. */
  original(key: string): Promise<Readable | null> {
    return this.backend.stream(key);
  }

  /** The full-size photo as served to anyone: metadata stripped, orientation applied. Null when the original is gone. */
  async served(key: string, mimeType: string): Promise<PhotoBody | null> {
    const format = servedFormats[mimeType] ?? servedAsJpeg;
    return this.derived(`${key}.public.${format.ext}`, key, format.mime, (image) => format.encode(image.rotate()));
  }

  /** A small JPEG for lists and route cards (no metadata). Null when the original is gone. */
  async thumbnail(key: string, widthPx = THUMBNAIL_WIDTH): Promise<PhotoBody | null> {
    return this.derived(this.thumbnailKeyOf(key, widthPx), key, 'image/jpeg', (image) => makeThumbnail(image, widthPx));
  }

  thumbnailKeyOf(key: string, widthPx = THUMBNAIL_WIDTH): string {
    return `${key}.w${widthPx}.jpg`;
  }

  /** Keeps a thumbnail the analysis made, so the first list that shows it needs no decode. */
  async saveThumbnail(key: string, body: Buffer, widthPx = THUMBNAIL_WIDTH): Promise<void> {
    await this.backend.put(this.thumbnailKeyOf(key, widthPx), body, 'image/jpeg');
  }

  private async derived(derivedKey: string, key: string, mimeType: string, make: (image: Sharp) => Sharp): Promise<PhotoBody | null> {
    const cached = await this.backend.stream(derivedKey);
    if (cached) return { mimeType, body: cached };
    const original = await this.backend.get(key);
    if (!original) return null;
    const body = await make(sharp(original, { limitInputPixels: MAX_PHOTO_PIXELS })).toBuffer();
    await this.backend.put(derivedKey, body, mimeType);
    return { mimeType, body };
  }

  /**
   * Deletes stored objects that belong to no photo row (`isReferenced` answers for
   * a batch of photo keys) and were last written before `before`: files left by a
   * report refused after its photo was stored, by a crash, or by a deleted ticket.
   */
  async sweep(isReferenced: (photoKeys: string[]) => Promise<Set<string>>, before: Date): Promise<{ examined: number; deleted: string[] }> {
    const candidates: { key: string; photoKey: string }[] = [];
    let examined = 0;
    for await (const object of this.backend.list()) {
      examined++;
      const photoKey = photoKeyOf(object.key);
      if (photoKey && object.modifiedAt < before) candidates.push({ key: object.key, photoKey });
    }
    const deleted: string[] = [];
    for (let i = 0; i < candidates.length; i += 500) {
      const batch = candidates.slice(i, i + 500);
      const referenced = await isReferenced([...new Set(batch.map((c) => c.photoKey))]);
      for (const c of batch) {
        // A temporary file older than the cut-off is a crashed write, whoever the photo belongs to.
        if (referenced.has(c.photoKey) && !c.key.endsWith('.tmp')) continue;
        await this.backend.delete(c.key);
        deleted.push(c.key);
      }
    }
    return { examined, deleted };
  }
}

/** Where photos live: the local disk (PHOTO_DIR) or an S3-compatible store (S3_*). */
export type PhotoStoreSettings = { kind: 'disk' } | ({ kind: 's3' } & S3Settings);

/** The photo store the settings name: PHOTO_STORE=disk (PHOTO_DIR) or s3 (S3_*). */
export function photoStoreFor(config: { photoDir: string; photoStore: PhotoStoreSettings }): PhotoStore {
  return new PhotoStore(config.photoStore.kind === 's3' ? new S3ObjectStore(config.photoStore) : new DiskObjectStore(config.photoDir));
}
