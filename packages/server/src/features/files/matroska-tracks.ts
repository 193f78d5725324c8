import { open } from 'node:fs/promises';

/** The head of a WebM/Matroska file holds its track list, before the first cluster of media. */
const HEAD_BYTES = 64 * 1024;
const TRACKS_ID = Buffer.from([0x16, 0x54, 0xae, 0x6b]);
const CLUSTER_ID = Buffer.from([0x1f, 0x43, 0xb6, 0x75]);
/** CodecID (0x86) with a one-byte size, then "A_…" (audio) or "V_…" (video) and so on. */
const CODEC_ID = 0x86;

/**
 * The codec ids ("A_OPUS", "V_VP8", …) in a WebM/Matroska file's track list,
 * read from its first 64 KiB; empty when no track list is found there.
 */
export async function matroskaCodecs(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return codecsIn(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Scans the Tracks element up to the first cluster for CodecID strings. */
export function codecsIn(head: Buffer): string[] {
  const start = head.indexOf(TRACKS_ID);
  if (start < 0) return [];
  const clusterAt = head.indexOf(CLUSTER_ID, start);
  const tracks = head.subarray(start, clusterAt < 0 ? head.length : clusterAt);
  const codecs: string[] = [];
  for (let i = 0; i + 2 < tracks.length; i++) {
    const size = (tracks[i + 1] ?? 0) ^ 0x80;
    if (tracks[i] !== CODEC_ID || size < 3 || size > 0x7f) continue;
    const value = tracks.subarray(i + 2, i + 2 + size).toString('latin1');
    if (/^[AVSB]_[A-Z0-9/_.]+$/.test(value)) codecs.push(value);
  }
  return codecs;
}
