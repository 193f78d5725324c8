import { createElement, useMemo, type ReactNode } from 'react';
import { parsePolicyMarkdown, type Inline } from './policy-markdown';

function Runs({ content }: { content: Inline[] }): ReactNode {
  return content.map((run, i) => (run.strong ? <strong key={i}>{run.text}</strong> : run.text));
}

/**
 * A policy text with its headings, lists and bold shown as such. The text's
 * `#` becomes `<h{topLevel}>` and deeper ones follow it (never past h6), so
 * it nests under the heading of the place that shows it.
 */
export function PolicyMarkdown({ source, topLevel }: { source: string; topLevel: number }) {
  const blocks = useMemo(() => parsePolicyMarkdown(source), [source]);
  return blocks.map((block, i) => {
    if (block.kind === 'heading')
      return createElement(
        `h${Math.min(6, topLevel + block.depth - 1)}`,
        { key: i },
        <Runs content={block.content} />,
      );
    if (block.kind === 'paragraph')
      return (
        <p key={i}>
          <Runs content={block.content} />
        </p>
      );
    const items = block.items.map((item, j) => (
      <li key={j}>
        <Runs content={item} />
      </li>
    ));
    return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
  });
}
