/**
 * The blur score measured on one small decode (storage/photos.ts BLUR_EDGE_PX,
 * issue 11's throughput work) against the score as it was measured before: a
 * sharp pipeline on the greyscale photo reduced to 512 px. The utility's
 * threshold (settings.blurThreshold, default 60) stays as it was, so both must
 * call the same photos blurred. docs/intake.md has the wider comparison.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BLUR_EDGE_PX, measurePhoto, THUMBNAIL_WIDTH } from '../../../server/platform/storage/photos.js';
import { defaultSettings } from '../../../server/core/domain/settings.js';
import { blurredPhoto, sharpPhoto } from '../../support/db.js';

const threshold = defaultSettings.blurThreshold;

/** The score as measurePhoto computed it before: greyscale, reduced to 512 px, 3x3 Laplacian in libvips, variance. */
async function scoreBefore(photo: Buffer): Promise<number> {
  const data = await sharp(photo)
    .rotate()
    .greyscale()
    .resize(512, 512, { fit: 'inside', withoutEnlargement: true })
    .convolve({ width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], scale: 1, offset: 128 })
    .raw()
    .toBuffer();
  let sum = 0;
  let sumSquares = 0;
  for (const byte of data) {
    sum += byte - 128;
    sumSquares += (byte - 128) ** 2;
  }
  const mean = sum / data.length;
  return sumSquares / data.length - mean * mean;
}

/** A camera-like photo: a smooth scene under film-like grain (`grain`: its strength), blurred by `sigma` px at 1600 px wide. */
async function scene(width: number, grain: number, sigma: number): Promise<Buffer> {
  const height = Math.round((width * 3) / 4);
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: grain } } })
    .blur(1.2)
    .png()
    .toBuffer();
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#8ab"/>` +
      `<ellipse cx="${width / 2}" cy="${height * 0.7}" rx="${width / 3}" ry="${height / 8}" fill="#346" opacity="0.8"/></svg>`,
  );
  const photo = sharp(await sharp(svg).composite([{ input: noise, blend: 'overlay' }]).png().toBuffer());
  return (sigma > 0 ? photo.blur((sigma * width) / 1600) : photo).jpeg({ quality: 88 }).toBuffer();
}

describe('blur score on one small decode', () => {
  it('scores the test photos (smaller than the decode size) as before, within rounding', async () => {
    for (const photo of [await sharpPhoto(1), await sharpPhoto(2), await blurredPhoto()]) {
      const before = await scoreBefore(photo);
      const now = (await measurePhoto(photo, 'Asia/Makassar')).blurScore;
      expect(Math.abs(now - before)).toBeLessThanOrEqual(Math.max(0.5, before * 0.01));
    }
  });

  it('calls the same phone-sized photos blurred as the 512 px score did, at the same threshold', { timeout: 60_000 }, async () => {
    const verdicts: { photo: string; before: number; now: number }[] = [];
    for (const width of [1280, 1600]) {
      for (const grain of [25, 40]) {
        for (const sigma of [0, 1, 3, 5]) {
          const photo = await scene(width, grain, sigma);
          verdicts.push({ photo: `${width} px, grain ${grain}, blur ${sigma}`, before: await scoreBefore(photo), now: (await measurePhoto(photo, 'Asia/Makassar')).blurScore });
        }
      }
    }
    const disagreeing = verdicts.filter((v) => v.before < threshold !== v.now < threshold);
    expect(disagreeing).toEqual([]);
    // Both kinds are in the set: the agreement is about something.
    expect(verdicts.filter((v) => v.now < threshold).length).toBeGreaterThanOrEqual(4);
    expect(verdicts.filter((v) => v.now >= threshold).length).toBeGreaterThanOrEqual(4);
  });

  it('makes the list thumbnail from the same decode: upright, THUMBNAIL_WIDTH wide, without metadata', async () => {
    const photo = await sharp(await scene(1600, 25, 0))
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'PhoneCo' } })
      .jpeg()
      .toBuffer();
    const { thumbnail } = await measurePhoto(photo, 'Asia/Makassar', THUMBNAIL_WIDTH);
    const meta = await sharp(thumbnail!).metadata();
    expect(BLUR_EDGE_PX).toBeGreaterThanOrEqual(THUMBNAIL_WIDTH);
    // Orientation 6 (rotated 90°): the 1600 x 1200 photo stands upright, 240 x 320.
    expect([meta.width, meta.height]).toEqual([240, THUMBNAIL_WIDTH]);
    expect(meta.exif).toBeUndefined();
    expect(meta.format).toBe('jpeg');
    expect((await measurePhoto(photo, 'Asia/Makassar')).thumbnail).toBeNull();
  });
});
