/**
 * The small part of Markdown that policy texts are written in: headings
 * (`#` to `######`), paragraphs (lines joined until a blank line), bulleted
 * (`- ` or `* `) and numbered (`1. `) lists whose items may wrap onto indented
 * lines, and `**bold**` inside any of them. Anything else stays literal text:
 * an operator publishes these, so nothing in them is ever treated as HTML.
 */

/** A run of text inside a block; `strong` for what was between `**`. */
export interface Inline {
  text: string;
  strong: boolean;
}

/** One block of a policy text, in reading order. */
export type Block =
  | { kind: 'heading'; depth: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;

/** `**bold**` runs; an unmatched `**` stays as it was typed. */
export function parseInline(text: string): Inline[] {
  const runs: Inline[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('**');
    const close = open < 0 ? -1 : rest.indexOf('**', open + 2);
    if (close < 0) break;
    if (open > 0) runs.push({ text: rest.slice(0, open), strong: false });
    if (close > open + 2) runs.push({ text: rest.slice(open + 2, close), strong: true });
    rest = rest.slice(close + 2);
  }
  if (rest) runs.push({ text: rest, strong: false });
  return runs;
}

/** Joins wrapped lines with one space: Chinese text wraps without them, so it joins with none. */
function joinLines(lines: string[]): string {
  return lines.reduce((joined, line) => {
    if (!joined) return line;
    const wide =
      /[\u3000-\u9fff\uff00-\uffef]$/.test(joined) || /^[\u3000-\u9fff\uff00-\uffef]/.test(line);
    return wide ? joined + line : `${joined} ${line}`;
  }, '');
}

/** Splits a policy text into blocks. */
export function parsePolicyMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | undefined;

  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', content: parseInline(joinLines(paragraph)) });
    if (list)
      blocks.push({
        kind: 'list',
        ordered: list.ordered,
        items: list.items.map((lines) => parseInline(joinLines(lines))),
      });
    paragraph = [];
    list = undefined;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        depth: heading[1]!.length,
        content: parseInline(heading[2]!),
      });
    } else if (bullet) {
      const ordered = !BULLET.test(line);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push([bullet[1]!]);
    } else if (list && /^\s/.test(raw)) list.items.at(-1)!.push(line);
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
