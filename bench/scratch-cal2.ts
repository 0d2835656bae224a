import sharp from 'sharp';
import { measurePhoto } from '../server/platform/storage/photos.js';
sharp.concurrency(1);
const L = [0, 1, 0, 1, -4, 1, 0, 1, 0];
async function oldScore(photo: Buffer) {
  const data = await sharp(photo).rotate().greyscale().resize(512, 512, { fit: 'inside', withoutEnlargement: true }).convolve({ width: 3, height: 3, kernel: L, scale: 1, offset: 128 }).raw().toBuffer();
  let s = 0, q = 0; for (let i = 0; i < data.length; i++) { const v = data[i] - 128; s += v; q += v * v; }
  const m = s / data.length; return q / data.length - m * m;
}
async function base(width: number, sigmaNoise: number) {
  const height = Math.round((width * 3) / 4);
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: sigmaNoise } } }).blur(1.2).png().toBuffer();
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#8ab"/><ellipse cx="${width/2}" cy="${height*0.7}" rx="${width/3}" ry="${height/8}" fill="#346" opacity="0.8"/><rect x="${width * 0.1}" y="${height * 0.55}" width="${width * 0.8}" height="${height / 14}" fill="#999"/></svg>`);
  return sharp(svg).composite([{ input: grain, blend: 'overlay' }]).png().toBuffer();
}
const pairs: [number, number, string][] = [];
for (const width of [640, 1280, 1600, 4032]) for (const noise of [10, 25, 40, 60]) {
  const b = await base(width, noise);
  for (const sigma of [0, 0.5, 1, 1.5, 2, 2.5, 3, 5]) {
    let img = sharp(b); if (sigma > 0) img = img.blur(Math.max(0.3, sigma * width / 1600));
    const jpg = await img.jpeg({ quality: 88 }).toBuffer();
    pairs.push([await oldScore(jpg), (await measurePhoto(jpg, 'UTC')).blurScore, `${width}/${noise}/${sigma}`]);
  }
}
for (const f of [1, 1.1, 1.2, 1.25, 1.3, 1.4, 1.5]) {
  const bad = pairs.filter(([o, n]) => (o < 60) !== (n / f < 60));
  console.log('factor', f, 'disagree', bad.length, 'of', pairs.length, bad.map(([o, n, k]) => `${k}:${o.toFixed(1)}->${(n / f).toFixed(1)}`).join(' '));
}
console.log(JSON.stringify(pairs.map(([o, n, k]) => [k, +o.toFixed(1), n])));
