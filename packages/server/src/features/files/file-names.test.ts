import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_NAME_LENGTH, contentDisposition, sanitizeFileName } from './file-names';

describe('sanitizeFileName', () => {
  it('keeps only the last path segment, without control or direction characters', () => {
    assert.equal(sanitizeFileName('../../etc/passwd'), 'passwd');
    assert.equal(sanitizeFileName('C:\\Users\\mei\\a.txt'), 'a.txt');
    assert.equal(sanitizeFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
    assert.equal(sanitizeFileName(' line\nbreak.txt '), 'linebreak.txt');
    assert.equal(sanitizeFileName('say %22hi%22%0A.txt'), 'say "hi".txt');
  });

  it('falls back to `file` when nothing usable is left', () => {
    for (const raw of [undefined, '', '   ', '..', 'dir/', '\u0000'])
      assert.equal(sanitizeFileName(raw), 'file');
  });

  it('cuts long names by characters, never inside one', () => {
    const name = sanitizeFileName('😀'.repeat(300));
    assert.equal(name, '😀'.repeat(MAX_NAME_LENGTH));
  });
});

describe('contentDisposition', () => {
  it('carries the UTF-8 name and an ASCII fallback (RFC 6266)', () => {
    assert.equal(
      contentDisposition('inline', "年报 (final)'s.pdf"),
      `inline; filename="__ (final)'s.pdf"; filename*=UTF-8''%E5%B9%B4%E6%8A%A5%20%28final%29%27s.pdf`,
    );
  });
});
