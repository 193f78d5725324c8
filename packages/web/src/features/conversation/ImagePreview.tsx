import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalFocus } from '../../ui/use-modal-focus';

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
  const panel = useRef<HTMLDivElement>(null);
  useModalFocus(panel, onClose);
  return (
    <div ref={panel} className="overlay" role="dialog" aria-modal="true" aria-label={label}>
      <button type="button" className="overlay-close" onClick={onClose}>
        {t('conversation.closePreview')}
      </button>
      <img src={src} alt={label} className="overlay-image" />
    </div>
  );
}
