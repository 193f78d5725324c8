/** Dates, times and numbers through Intl, in the tag `useFormatLocale` picks. */

/** A clock time for today's messages, a date otherwise. */
export function formatMessageTime(ms: number, language: string, now: number): string {
  const date = new Date(ms);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(
    language,
    sameDay ? { hour: '2-digit', minute: '2-digit' } : { dateStyle: 'medium' },
  ).format(date);
}

/** A full date and time, e.g. in a policy version line. */
export function formatDateTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(ms),
  );
}

/** A count with the locale's grouping. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** Items joined the language's way, e.g. "a, b and c" or "a、b和c". */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/** A byte size in the largest fitting unit (kB, MB, GB). */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A recording's length as minutes and seconds, e.g. "0:07" or "4:59". */
export function formatDuration(ms: number, language: string): string {
  const seconds = Math.floor(ms / 1000);
  const two = new Intl.NumberFormat(language, { minimumIntegerDigits: 2 });
  return `${formatNumber(Math.floor(seconds / 60), language)}:${two.format(seconds % 60)}`;
}

/** A latitude or longitude in degrees to five places (about a metre). */
export function formatDegrees(value: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 5,
    maximumFractionDigits: 5,
  }).format(value);
}
