import { OrgRightsRequest } from '@carillon/protocol/org-data';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useServices } from '../../../app/services';
import { formatDateTime, formatList } from '../../../i18n/format';
import { useFormatLocale } from '../../../i18n/use-format-locale';
import { RightsAnswerForms, type RightsAnswer } from '../../privacy/RightsAnswerForms';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * What the member asked of the organization's data, in words: everything
 * (access, copy), their own description (correction), the categories or
 * records (deletion), the category to restrict or release (restriction).
 */
export function describeAsked(
  asked: OrgRightsRequest['asked'],
  t: TFunction,
  language: string,
): string[] {
  const list = (items: string[]) => formatList(items, language);
  const lines = Object.entries(asked).flatMap(([key, value]): string[] => {
    if (value === null || value === undefined || key === 'lift') return [];
    if (key === 'text' && typeof value === 'string')
      return [t('orgAdmin.rights.ask.text', { text: value })];
    if (key === 'categories' || key === 'items') {
      const items = strings(value);
      return items.length ? [t(`orgAdmin.rights.ask.${key}`, { list: list(items) })] : [];
    }
    if (key === 'category' && typeof value === 'string')
      return [
        t(asked.lift ? 'orgAdmin.rights.ask.lift' : 'orgAdmin.rights.ask.restrict', {
          category: value,
        }),
      ];
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    return [t('orgAdmin.rights.ask.other', { key, value: shown })];
  });
  return lines.length ? lines : [t('orgAdmin.rights.ask.all')];
}

/**
 * One routed part: who asked (or that the account is gone), what, where the
 * data is held, status and deadline; while open, fulfil or refuse it. `path`
 * is the part's URL under the organization's rights requests.
 */
export function RightsRequestItem({
  request,
  path,
  onAnswered,
}: {
  request: OrgRightsRequest;
  path: string;
  onAnswered: (request: OrgRightsRequest) => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { api } = useServices();
  const title = useRef<HTMLHeadingElement>(null);
  const date = (ms: number) => formatDateTime(ms, locale);
  const member =
    request.memberName ??
    t(request.userId ? 'orgAdmin.rights.formerMember' : 'orgAdmin.rights.erased');
  const kind = t(`orgAdmin.rights.kind.${request.kind}`, {
    defaultValue: t(`privacy.kind.${request.kind}`),
  });
  const daysLeft = request.daysLeft ?? 0;
  const timing =
    request.answeredAt !== null
      ? t('orgAdmin.rights.answeredAt', {
          date: date(request.answeredAt),
          deadline: date(request.deadlineAt),
        })
      : daysLeft < 0
        ? t('orgAdmin.rights.pastDue', { date: date(request.deadlineAt), count: -daysLeft })
        : t('privacy.requests.deadline', { date: date(request.deadlineAt), count: daysLeft });

  const handleAnswer = async ({ action, body }: RightsAnswer) => {
    onAnswered(await api.post(`${path}/${action}`, { body, schema: OrgRightsRequest }));
    // The answer controls go away; keep the keyboard on this request.
    title.current?.focus();
  };

  const titleId = `org-rights-${request.id}`;
  return (
    <li className="card" aria-labelledby={titleId}>
      <h3 id={titleId} ref={title} tabIndex={-1}>
        {t('orgAdmin.rights.heading', { member, kind })}
      </h3>
      <p>
        <span className="tag">{t(`orgAdmin.rights.status.${request.status}`)}</span>
        {request.overdue ? (
          <span className="tag tag-warning">{t('privacy.requests.overdue')}</span>
        ) : null}
      </p>
      <p className="hint">
        {t('orgAdmin.rights.receivedAt', { date: date(request.createdAt) })}
        {' · '}
        {timing}
      </p>
      <ul aria-label={t('orgAdmin.rights.askedLabel')}>
        {describeAsked(request.asked, t, locale).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {request.tables.length > 0 ? (
        <p>{t('orgAdmin.rights.tables', { list: formatList(request.tables, locale) })}</p>
      ) : null}
      {request.status === 'fulfilled' && request.answer ? (
        <p>{t('orgAdmin.rights.answer', { answer: request.answer })}</p>
      ) : null}
      {request.refusalReason ? (
        <p>{t('orgAdmin.rights.refusalReason', { reason: request.refusalReason })}</p>
      ) : null}
      {request.status === 'open' ? (
        <RightsAnswerForms
          labels={{
            note: t('orgAdmin.rights.note'),
            fulfil: t('orgAdmin.rights.fulfil', { kind, member }),
            reason: t('orgAdmin.rights.reason'),
            reasonHint: t('orgAdmin.rights.reasonHint'),
            refuse: t('orgAdmin.rights.refuse', { kind, member }),
          }}
          onAnswer={handleAnswer}
        />
      ) : null}
    </li>
  );
}
