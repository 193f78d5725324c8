import type { Receipts } from '@carillon/protocol/messaging';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';
import { useDisplayName } from '../people/use-profile';

function PersonName({ userId }: { userId: string }) {
  return <li>{useDisplayName(userId)}</li>;
}

/**
 * Under one's own message: "Read" / "Unread" in a one-to-one chat, or the
 * read count in a group, which opens the lists of who has and has not read.
 */
export function ReceiptStatus({ receipts }: { receipts: Receipts | undefined }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!receipts) return null;
  if (receipts.status) return <span className="receipt">{t(`receipts.${receipts.status}`)}</span>;
  const count = formatNumber(receipts.readCount, locale);
  return (
    <span className="receipt">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {receipts.unreadCount === 0
          ? t('receipts.allRead')
          : t('receipts.readCount', { count: receipts.readCount, formatted: count })}
      </button>
      {open ? (
        <div id={id} className="receipt-details">
          <h3 id={`${id}-read`}>{t('receipts.readBy')}</h3>
          <ul aria-labelledby={`${id}-read`}>
            {receipts.readBy.map((userId) => (
              <PersonName key={userId} userId={userId} />
            ))}
          </ul>
          <h3 id={`${id}-unread`}>{t('receipts.unreadBy')}</h3>
          <ul aria-labelledby={`${id}-unread`}>
            {receipts.unreadBy.map((userId) => (
              <PersonName key={userId} userId={userId} />
            ))}
          </ul>
        </div>
      ) : null}
    </span>
  );
}
