import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The full image over the page; Escape or the close button returns focus to the thumbnail. */
export function ImagePreview({
  src,
  label,
  onClose,
}: {
  src: string;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const handleKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', handleKey);
    return () => document.removeEventListener('keydown', handleKey);
  }, [onClose]);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={label}>
      <button ref={close} type="button" className="overlay-close" onClick={onClose}>
        {t('conversation.closePreview')}
      </button>
      <img src={src} alt={label} className="overlay-image" />
    </div>
  );
}
