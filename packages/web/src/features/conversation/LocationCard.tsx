import type { Location } from '@carillon/protocol/messaging';
import { useTranslation } from 'react-i18next';
import { formatDegrees } from '../../i18n/format';
import { useFormatLocale } from '../../i18n/use-format-locale';

/** OpenStreetMap centred on the point with a marker; a plain link, nothing is loaded from it here. */
export function openStreetMapUrl({ latitude, longitude }: Location): string {
  const lat = latitude.toFixed(5);
  const lon = longitude.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

/** A shared location: its name if given, the coordinates, and a link out to a map. */
export function LocationCard({ location }: { location: Location }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const title = location.label ?? t('conversationMore.location.card');
  return (
    <figure className="location-card" aria-label={title}>
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <p className="hint">
        {t('conversationMore.location.coordinates', {
          latitude: formatDegrees(location.latitude, locale),
          longitude: formatDegrees(location.longitude, locale),
        })}
      </p>
      <a href={openStreetMapUrl(location)} target="_blank" rel="noopener noreferrer">
        {t('conversationMore.location.open')}
      </a>
    </figure>
  );
}
