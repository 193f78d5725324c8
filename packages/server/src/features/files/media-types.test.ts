import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sniffType } from './media-types';

/** One EBML element: its id bytes, a size as an 8-byte vint, its payload. */
function element(id: number[], ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(body.length) | (1n << 56n));
  return Buffer.concat([Buffer.from(id), size, body]);
}

/** A Seek entry naming where an element is, as the SeekHead Chromium writes first lists them. */
const seek = (id: number[]) => element([0x4d, 0xbb], element([0x53, 0xab], Buffer.from(id)));

/**
 * A minimal WebM file as MediaRecorder lays it out: the EBML header, then a
 * Segment with a SeekHead (which holds the Tracks and Cluster ids as data), a
 * track list with these codecs, one small cluster.
 */
function webm(codecs: string[]): Buffer {
  const header = element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], Buffer.from('webm')));
  const entries = codecs.map((codec, i) =>
    element(
      [0xae],
      element([0xd7], Buffer.from([i + 1])),
      element([0x83], Buffer.from([codec.startsWith('A_') ? 2 : 1])),
      Buffer.concat([Buffer.from([0x86, 0x80 | codec.length]), Buffer.from(codec)]),
    ),
  );
  const tracks = element([0x16, 0x54, 0xae, 0x6b], ...entries);
  const cluster = element([0x1f, 0x43, 0xb6, 0x75], Buffer.alloc(64, 0x86));
  const seekHead = element(
    [0x11, 0x4d, 0x9b, 0x74],
    seek([0x16, 0x54, 0xae, 0x6b]),
    seek([0x1f, 0x43, 0xb6, 0x75]),
  );
  return Buffer.concat([header, element([0x18, 0x53, 0x80, 0x67], seekHead, tracks, cluster)]);
}

describe('sniffType', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'carillon-sniff-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const sniff = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return sniffType(file, false);
  };

  it('calls a WebM with only an Opus track audio (a browser voice recording)', async () => {
    assert.deepEqual(await sniff('voice.webm', webm(['A_OPUS'])), {
      mediaType: 'audio/webm',
      kind: 'audio',
    });
  });

  it('keeps a WebM with a video track, or with no track list, video', async () => {
    assert.deepEqual(await sniff('clip.webm', webm(['V_VP8', 'A_OPUS'])), {
      mediaType: 'video/webm',
      kind: 'video',
    });
    assert.deepEqual(await sniff('bare.webm', webm([])), {
      mediaType: 'video/webm',
      kind: 'video',
    });
  });
});
