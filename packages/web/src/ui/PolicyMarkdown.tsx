import type { PolicyDocument } from '@carillon/protocol/privacy';
import { createElement, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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

/**
 * A policy's full text folded under "Read the full policy", one click from
 * its summary, where a person is asked to accept it (sign-up, re-consent).
 */
export function FoldedPolicyText({
  policy,
  topLevel,
}: {
  policy: PolicyDocument;
  topLevel: number;
}) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('signup.policyFullText')}</summary>
      <div className="policy-text" lang={policy.language} tabIndex={0}>
        <PolicyMarkdown source={policy.text} topLevel={topLevel} />
      </div>
    </details>
  );
}
