import type { CountryCode } from 'libphonenumber-js';

/**
 * The rules that differ between deployments (PRIV-23). Features read these
 * values; none of them asks which edition it runs in.
 */
export interface EditionRules {
  name: 'international' | 'cn';
  /** Where this deployment's data is stored (PRIV-9). */
  storageRegion: string;
  /** The policy language that prevails when translations differ. */
  prevailingLanguage: 'en' | 'zh-CN';
  /** Region assumed for phone numbers typed without a country code. */
  defaultPhoneRegion: CountryCode;
  /** Whether an e-mail address may stand in for a phone number at sign-up (ACC-1). */
  allowsEmailSignup: boolean;
  /** Days within which a data-rights request must be answered (PRIV-5). */
  requestDeadlineDays: number;
}

export const editions: Record<EditionRules['name'], EditionRules> = {
  international: {
    name: 'international',
    storageRegion: 'Singapore',
    prevailingLanguage: 'en',
    defaultPhoneRegion: 'SG',
    allowsEmailSignup: true,
    requestDeadlineDays: 30,
  },
  cn: {
    name: 'cn',
    storageRegion: 'China',
    prevailingLanguage: 'zh-CN',
    defaultPhoneRegion: 'CN',
    allowsEmailSignup: false,
    requestDeadlineDays: 15,
  },
};
