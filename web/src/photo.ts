/** Photos made small on the phone before they travel: a 12 MP camera shot becomes a ~300 KB JPEG. */
export const photoDefaults = {
  /** Longest side of the sent photo, in pixels (the server's thumbnails are 320 px; 1600 keeps a readable repair). */
  maxSidePixels: 1600,
  /** JPEG quality of the re-encoded photo (0..1). */
  jpegQuality: 0.82,
};

export class PhotoTooLargeError extends Error {
  constructor(readonly bytes: number, readonly maxBytes: number) {
    super(`photo ${bytes} bytes > ${maxBytes}`);
  }
}

/**
 * The photo scaled down (canvas) to `maxSidePixels` as a JPEG, turned upright
 * from its EXIF orientation, with the original's EXIF (GPS position, time)
 * kept. A photo the browser cannot decode, or already
 * small, is sent as it is when it fits `maxBytes`; otherwise PhotoTooLargeError
 * is thrown before anything is uploaded.
 */
export async function shrinkPhoto(file: Blob, maxBytes: number, options = photoDefaults): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (file.size > maxBytes) throw new PhotoTooLargeError(file.size, maxBytes);
    return file;
  }
  const scale = Math.min(1, options.maxSidePixels / Math.max(bitmap.width, bitmap.height));
  if (scale === 1 && file.size <= maxBytes && file.type === 'image/jpeg') {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const encoded = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', options.jpegQuality));
  if (!encoded) throw new PhotoTooLargeError(file.size, maxBytes);
  // The canvas writes no EXIF: the original's position and time (the ticket page's check) travel on in the copy.
  const blob = await withExifOf(file, encoded);
  if (blob.size > maxBytes) throw new PhotoTooLargeError(blob.size, maxBytes);
  return blob;
}

/** The APP1 "Exif\0\0" segment of a JPEG (marker and length included), or null. */
export function exifSegmentOf(jpeg: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    if (marker === 0xda || marker === 0xd9) break; // the image data: no metadata after it
    const length = (jpeg[at + 2] << 8) | jpeg[at + 3];
    if (marker === 0xe1 && length >= 8 && String.fromCharCode(...jpeg.subarray(at + 4, at + 10)) === 'Exif\0\0') return jpeg.slice(at, at + 2 + length);
    at += 2 + length;
  }
  return null;
}

/** Sets the EXIF orientation tag (0x0112, in IFD0) of an APP1 segment to 1 in place: the pixels are upright already. */
function markUpright(segment: Uint8Array<ArrayBuffer>): void {
  const tiff = 10; // marker (2) + length (2) + "Exif\0\0" (6)
  const view = new DataView(segment.buffer, segment.byteOffset, segment.byteLength);
  if (segment.length < tiff + 8) return;
  const little = view.getUint16(tiff) === 0x4949;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > segment.length) return;
  const entries = view.getUint16(ifd0, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > segment.length) return;
    if (view.getUint16(entry, little) === 0x0112) view.setUint16(entry + 8, 1, little);
  }
}

/** `encoded` (a JPEG) with the EXIF segment of `original` (a JPEG) inserted after its start marker; `encoded` alone when the original has none. */
export async function withExifOf(original: Blob, encoded: Blob): Promise<Blob> {
  if (original.type && original.type !== 'image/jpeg') return encoded;
  const segment = exifSegmentOf(new Uint8Array(await original.slice(0, 128 * 1024).arrayBuffer()));
  if (!segment) return encoded;
  markUpright(segment);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return new Blob([body.subarray(0, 2), segment, body.subarray(2)], { type: 'image/jpeg' });
}
