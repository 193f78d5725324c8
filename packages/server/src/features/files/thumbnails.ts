import sharp from 'sharp';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIDE = 320;
/** Images larger than this are not decoded at all: a small file can expand into gigabytes. */
const MAX_INPUT_PIXELS = 50_000_000;

/** An image's displayed size and, when it could be decoded, a small WebP preview. */
export interface ImageFacts {
  width: number | null;
  height: number | null;
  thumbnail: Buffer | undefined;
}

const open = (file: string) =>
  sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false });

/**
 * Reads an image's size (after EXIF orientation) and renders a thumbnail of
 * at most THUMBNAIL_SIDE px, as WebP without EXIF, GPS or other metadata.
 * Formats this build cannot decode (HEIC), damaged files and pixel bombs get
 * no thumbnail; the file itself is still stored.
 */
export async function inspectImage(file: string): Promise<ImageFacts> {
  let width: number | null = null;
  let height: number | null = null;
  try {
    const meta = await open(file).metadata();
    const shown = meta.autoOrient ?? meta;
    width = shown.width ?? null;
    height = shown.height ?? null;
  } catch {
    return { width, height, thumbnail: undefined };
  }
  try {
    const thumbnail = await open(file)
      .rotate()
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { width, height, thumbnail };
  } catch {
    return { width, height, thumbnail: undefined };
  }
}
