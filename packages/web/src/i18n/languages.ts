import { readChoice, writeChoice } from '../ui/local-choice';

/** The languages the web client speaks; the same two every policy is published in. */
export const languages = ['en', 'zh-CN'] as const;
/** One of the client's languages. */
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'carillon.language';

/** Maps a BCP 47 tag from the browser onto one of ours, or null when neither fits. */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/**
 * The language to show: the person's own choice, else the first browser
 * language we speak, else the edition's prevailing language.
 */
export function pickLanguage(
  stored: string | null,
  browser: readonly string[],
  prevailing: Language,
): Language {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  for (const tag of browser) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return prevailing;
}

/** The choice made with the language switch, if any. */
export function storedLanguage(): string | null {
  return readChoice(STORAGE_KEY);
}

/** Remembers an explicit choice so it wins over the browser and the edition. */
export function storeLanguage(language: Language): void {
  writeChoice(STORAGE_KEY, language);
}
