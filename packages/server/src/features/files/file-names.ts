/** Longest display name kept, in characters. */
export const MAX_NAME_LENGTH = 255;

/** Control characters and the bidirectional overrides that make `exe.txt` look like `txt.exe`. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name shown for an upload: the client's file name without any folder
 * part, unsafe characters or surrounding spaces, at most MAX_NAME_LENGTH
 * characters (never splitting one), or `file` when nothing is left.
 */
export function sanitizeFileName(raw: string | undefined): string {
  // HTML form encoding escapes `"` as %22 and line breaks as %0A/%0D (WHATWG multipart/form-data).
  const unescaped = (raw ?? '').replace(/%22/g, '"').replace(/%0[AD]/gi, '');
  const base = unescaped.split(/[/\\]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, '').trim();
  const name = Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim();
  return name === '' || name === '.' || name === '..' ? 'file' : name;
}

/** RFC 8187 percent-encoding: everything but attr-chars. */
const encodeExtended = (value: string) =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * A Content-Disposition header (RFC 6266) carrying the name in UTF-8 and,
 * for old clients, an ASCII fallback.
 */
export function contentDisposition(type: 'attachment' | 'inline', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtended(name)}`;
}
