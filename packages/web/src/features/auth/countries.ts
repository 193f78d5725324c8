/** Calling codes offered by the phone field's country picker (ISO 3166 code → prefix). */
export const countries = [
  { code: 'SG', prefix: '+65' },
  { code: 'CN', prefix: '+86' },
  { code: 'HK', prefix: '+852' },
  { code: 'TW', prefix: '+886' },
  { code: 'MY', prefix: '+60' },
  { code: 'JP', prefix: '+81' },
  { code: 'KR', prefix: '+82' },
  { code: 'IN', prefix: '+91' },
  { code: 'AU', prefix: '+61' },
  { code: 'GB', prefix: '+44' },
  { code: 'DE', prefix: '+49' },
  { code: 'FR', prefix: '+33' },
  { code: 'US', prefix: '+1' },
] as const;

/** The country the picker starts on: China in the cn edition, Singapore (the storage region) otherwise. */
export function defaultCountry(edition: 'international' | 'cn' | null): string {
  return edition === 'cn' ? 'CN' : 'SG';
}

/** The number as the server takes it: the picked prefix and the digits typed, unless a + was typed. */
export function fullPhone(country: string, typed: string): string {
  const trimmed = typed.trim();
  if (trimmed.startsWith('+')) return trimmed;
  const prefix = countries.find((c) => c.code === country)?.prefix ?? '';
  return `${prefix} ${trimmed.replace(/^0+/, '')}`;
}

/** Region names in the language on screen, from Intl rather than a translated list. */
export function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
