import type { CountryCode } from 'libphonenumber-js';
import type { PolicyLanguage } from '@carillon/protocol/privacy';

/**
 * How fast a personal-data breach must be reported. Both seed policies only
 * promise to act "promptly" (7Ding 6.3: "we will promptly notify the affected
 * users ... and report to the relevant regulatory authorities when
 * necessary"; DingTalk V(III)3: "we will promptly activate our emergency
 * response plan ... and report ... according to the requirement of regulatory
 * requirement"), so the hours come from the law each edition answers to.
 */
export interface BreachNoticeClock {
  /** Hours from confirming a notifiable breach to the report to the regulator. */
  regulatorWithinHours: number;
  /** Hours from confirming it to telling the people affected. */
  subjectsWithinHours: number;
  /** The rule the hours implement, for the incident record. */
  basis: string;
}

/**
 * The rules that differ between deployments (PRIV-23). Features read these
 * values; none of them asks which edition it runs in.
 */
export interface EditionRules {
  name: 'international' | 'cn';
  /** ISO 3166 country whose law governs the deployment (Kantara receipts' `jurisdiction`). */
  jurisdiction: string;
  /** Where this deployment's data is stored (PRIV-9). */
  storageRegion: string;
  /** The storage region named in each policy language. */
  storageRegionNames: Record<PolicyLanguage, string>;
  /** The policy language that prevails when translations differ (PRIV-1). */
  prevailingLanguage: PolicyLanguage;
  /** Region assumed for phone numbers typed without a country code. */
  defaultPhoneRegion: CountryCode;
  /** Whether an e-mail address may stand in for a phone number at sign-up (ACC-1). */
  allowsEmailSignup: boolean;
  /** Days within which a data-rights request must be answered (PRIV-5). */
  requestDeadlineDays: number;
  /** People younger than this are refused at sign-up; 0 refuses nobody (PRIV-10). */
  minimumAge: number;
  /**
   * People younger than this may sign up, but their account stays limited to
   * basic functions until a guardian consents; 0 asks no guardian (PRIV-10).
   */
  guardianConsentBelowAge: number;
  /** Breach-notification deadlines (PRIV-14). */
  breachNotice: BreachNoticeClock;
}

export const editions: Record<EditionRules['name'], EditionRules> = {
  international: {
    name: 'international',
    jurisdiction: 'SG',
    storageRegion: 'Singapore',
    storageRegionNames: { en: 'Singapore', 'zh-CN': '新加坡' },
    prevailingLanguage: 'en',
    defaultPhoneRegion: 'SG',
    allowsEmailSignup: true,
    requestDeadlineDays: 30,
    // 7Ding 11: "this Service is not intended for minors under the age of 16 ...
    // If you are under the age of 16, please do not register".
    minimumAge: 16,
    guardianConsentBelowAge: 0,
    breachNotice: {
      regulatorWithinHours: 72,
      subjectsWithinHours: 72,
      basis:
        'Singapore PDPA s 26D: notify the PDPC within 3 calendar days of assessing a breach ' +
        'notifiable, and affected individuals at or after that time (seed 6.3: "promptly").',
    },
  },
  cn: {
    name: 'cn',
    jurisdiction: 'CN',
    storageRegion: 'China',
    storageRegionNames: { en: 'China', 'zh-CN': '中国' },
    // DingTalk intro: "the simplified Chinese version shall prevail".
    prevailingLanguage: 'zh-CN',
    defaultPhoneRegion: 'CN',
    allowsEmailSignup: false,
    requestDeadlineDays: 15,
    // DingTalk VII: "If you are a child below 14, ... obtain your guardian's
    // consent to use our services".
    minimumAge: 0,
    guardianConsentBelowAge: 14,
    breachNotice: {
      regulatorWithinHours: 24,
      subjectsWithinHours: 24,
      basis:
        'PIPL art. 57: remedy and notify the regulator and the individuals "immediately" ' +
        '(立即); 24 hours is our outer bound (seed V(III)3: "promptly").',
    },
  },
};
