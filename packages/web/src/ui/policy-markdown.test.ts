import { describe, expect, it } from 'vitest';
import { parseInline, parsePolicyMarkdown } from './policy-markdown';

describe('policy Markdown', () => {
  it('reads headings, wrapped paragraphs and lists with wrapped items', () => {
    const blocks = parsePolicyMarkdown(
      [
        '# Carillon Privacy Policy',
        '',
        'This policy explains what',
        'this server does.',
        '',
        '### Your account',
        '',
        '- **Phone number**: to sign you',
        '  in.',
        '- Password.',
        'A paragraph right after the list.',
        '',
        '1. First',
        '2) Second',
      ].join('\r\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', depth: 1, content: [{ text: 'Carillon Privacy Policy', strong: false }] },
      {
        kind: 'paragraph',
        content: [{ text: 'This policy explains what this server does.', strong: false }],
      },
      { kind: 'heading', depth: 3, content: [{ text: 'Your account', strong: false }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          [
            { text: 'Phone number', strong: true },
            { text: ': to sign you in.', strong: false },
          ],
          [{ text: 'Password.', strong: false }],
        ],
      },
      {
        kind: 'paragraph',
        content: [{ text: 'A paragraph right after the list.', strong: false }],
      },
      {
        kind: 'list',
        ordered: true,
        items: [[{ text: 'First', strong: false }], [{ text: 'Second', strong: false }]],
      },
    ]);
  });

  it('joins wrapped Chinese lines without a space', () => {
    expect(parsePolicyMarkdown('本政策说明\n如何处理。')).toEqual([
      { kind: 'paragraph', content: [{ text: '本政策说明如何处理。', strong: false }] },
    ]);
  });

  it('keeps what is not Markdown it knows as literal text, HTML included', () => {
    expect(parseInline('a ** b')).toEqual([{ text: 'a ** b', strong: false }]);
    expect(parseInline('****')).toEqual([]);
    expect(parsePolicyMarkdown('<script>alert(1)</script>\n#not a heading')).toEqual([
      {
        kind: 'paragraph',
        content: [{ text: '<script>alert(1)</script> #not a heading', strong: false }],
      },
    ]);
  });
});
