import sharp from 'sharp';
import { AppError } from '../../platform/errors';

/** Largest upload accepted for an avatar. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const SIDE = 512;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff']);

/**
 * Normalizes an uploaded picture: the type is read from the bytes (never the
 * header), orientation is applied, it is cropped to a square, and the output
 * WebP carries no EXIF, GPS or other metadata.
 */
export async function processAvatar(input: Buffer): Promise<Buffer> {
  const image = sharp(input, { limitInputPixels: 40_000_000, failOn: 'error', animated: false });
  let format: string | undefined;
  try {
    format = (await image.metadata()).format;
  } catch {
    throw new AppError('invalid_image', 'The file is not an image we can read.');
  }
  if (!format || !ACCEPTED.has(format))
    throw new AppError('invalid_image', 'Use a JPEG, PNG, WebP, GIF, AVIF, HEIF or TIFF picture.');
  try {
    return await image
      .rotate()
      .resize(SIDE, SIDE, { fit: 'cover', position: 'attention' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError(
      'invalid_image',
      'The picture could not be decoded: it is damaged or uses an encoding we cannot read (such as HEIC).',
    );
  }
}
