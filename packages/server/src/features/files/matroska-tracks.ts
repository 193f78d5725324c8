import { open } from 'node:fs/promises';

/** The head of a WebM/Matroska file holds its track list, before the first cluster of media. */
const HEAD_BYTES = 64 * 1024;
const SEGMENT = 0x18538067;
const TRACKS = 0x1654ae6b;
const CLUSTER = 0x1f43b675;
const TRACK_ENTRY = 0xae;
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

interface Element {
  id: number;
  /** Where the payload starts, and its end (the buffer's end for an unknown size). */
  start: number;
  end: number;
}

/** An EBML variable-length integer at `at`: its byte length and value (marker bit kept for ids). */
function vint(buf: Buffer, at: number, keepMarker: boolean): { length: number; value: number } {
  const first = buf[at] ?? 0;
  let length = 1;
  while (length <= 8 && !(first & (0x100 >> length))) length++;
  if (length > 8 || at + length > buf.length) return { length: 0, value: -1 };
  let value = keepMarker ? first : first & (0xff >> length);
  let unknown = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = buf[at + i] ?? 0;
    unknown &&= byte === 0xff;
    value = value * 256 + byte;
  }
  return { length, value: !keepMarker && unknown ? Infinity : value };
}

function elementAt(buf: Buffer, at: number, limit: number): Element | null {
  const id = vint(buf, at, true);
  if (id.length === 0) return null;
  const size = vint(buf, at + id.length, false);
  if (size.length === 0) return null;
  const start = at + id.length + size.length;
  return { id: id.value, start, end: Math.min(limit, start + size.value) };
}

/** The direct children of [from, to): each element's id and payload range. */
function* children(buf: Buffer, from: number, to: number): Generator<Element> {
  for (let at = from; at < to;) {
    const element = elementAt(buf, at, to);
    if (!element) return;
    yield element;
    at = element.end;
  }
}

/**
 * Walks the EBML structure (the SeekHead also names the Tracks and Cluster
 * ids, so a byte search would find those first): header, Segment, its
 * children up to the first Cluster, then each TrackEntry's CodecID.
 */
export function codecsIn(head: Buffer): string[] {
  const header = elementAt(head, 0, head.length);
  if (!header) return [];
  const segment = elementAt(head, header.end, head.length);
  if (!segment || segment.id !== SEGMENT) return [];
  const codecs: string[] = [];
  for (const top of children(head, segment.start, segment.end)) {
    if (top.id === CLUSTER) break;
    if (top.id !== TRACKS) continue;
    for (const entry of children(head, top.start, top.end)) {
      if (entry.id !== TRACK_ENTRY) continue;
      for (const field of children(head, entry.start, entry.end))
        if (field.id === CODEC_ID) codecs.push(head.toString('latin1', field.start, field.end));
    }
  }
  return codecs;
}
