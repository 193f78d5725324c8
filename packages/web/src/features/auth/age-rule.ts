import type { Edition } from '../../session/session-context';

/**
 * The i18n key of the edition's age rule as sign-up explains it. The server
 * enforces the rule (international: 16 or older; cn: a guardian consents
 * below 14); the client only says it before anyone types a birth year.
 */
export function ageRuleKey(edition: Edition | null): string {
  return edition === 'cn' ? 'signup.ageRuleCn' : 'signup.ageRuleInternational';
}

/** Birth years the field offers: this year back to 1900, as the server accepts. */
export function birthYearBounds(now: number): { min: number; max: number } {
  return { min: 1900, max: new Date(now).getUTCFullYear() };
}
