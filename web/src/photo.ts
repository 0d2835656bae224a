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
 * from its EXIF orientation. A photo the browser cannot decode, or already
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
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', options.jpegQuality));
  if (!blob) throw new PhotoTooLargeError(file.size, maxBytes);
  if (blob.size > maxBytes) throw new PhotoTooLargeError(blob.size, maxBytes);
  return blob;
}
