import type { FileKind } from '@carillon/protocol/files';
import { fileTypeFromFile } from 'file-type';
import { matroskaCodecs } from './matroska-tracks';

/** What a file is, judged from its bytes alone. */
export interface SniffedType {
  mediaType: string;
  kind: FileKind;
}

/** Office, PDF and e-book formats: shown as documents rather than opaque files. */
const DOCUMENTS = new Set([
  'application/pdf',
  'application/rtf',
  'application/epub+zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/plain',
]);

/** The kind a media type belongs to, which decides previews and message kinds. */
export function kindOf(mediaType: string): FileKind {
  const [family] = mediaType.split('/');
  if (family === 'image' || family === 'audio' || family === 'video') return family;
  return DOCUMENTS.has(mediaType) ? 'document' : 'other';
}

/**
 * file-type names every WebM/Matroska file video; a browser's voice recording
 * (MediaRecorder: WebM with one Opus track) is audio, and must be, to be sent
 * as a voice message.
 */
const MATROSKA_AUDIO = new Map([
  ['video/webm', 'audio/webm'],
  ['video/matroska', 'audio/matroska'],
]);

async function onlyAudioTracks(file: string): Promise<boolean> {
  const codecs = await matroskaCodecs(file);
  return codecs.length > 0 && codecs.every((codec) => codec.startsWith('A_'));
}

/**
 * Sniffs a stored upload's type from its magic bytes (never from the client's
 * header or file name). Content no signature matches is plain text when it is
 * valid UTF-8, and opaque binary otherwise.
 */
export async function sniffType(file: string, isText: boolean): Promise<SniffedType> {
  const found = await fileTypeFromFile(file);
  const sniffed = found?.mime ?? (isText ? 'text/plain' : 'application/octet-stream');
  const audio = MATROSKA_AUDIO.get(sniffed);
  const mediaType = audio && (await onlyAudioTracks(file)) ? audio : sniffed;
  return { mediaType, kind: kindOf(mediaType) };
}
