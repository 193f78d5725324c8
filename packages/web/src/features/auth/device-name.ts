import type { TFunction } from 'i18next';

/** A browser and the system it runs on, as a person would name them. */
export interface BrowserKind {
  browser: string;
  system: string;
}

// Order matters: Edge and Opera say "Chrome" too, and Chrome says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/Chrom(?:e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// Android and iOS before Linux and macOS: their user agents name those too.
const SYSTEMS: Array<[RegExp, string]> = [
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const first = (table: Array<[RegExp, string]>, agent: string) =>
  table.find(([pattern]) => pattern.test(agent))?.[1];

/**
 * Which browser on which system a user agent is, so a person can tell their
 * sessions apart ("Firefox on Windows"); undefined when either is unknown.
 * Only these two words leave the browser, never the user agent itself.
 */
export function browserKind(userAgent: string): BrowserKind | undefined {
  const browser = first(BROWSERS, userAgent);
  const system = first(SYSTEMS, userAgent);
  return browser && system ? { browser, system } : undefined;
}

/**
 * What this browser calls itself as a device when it signs in: "Firefox on
 * Windows" in the language on screen, or plain "Web browser" when the user
 * agent says too little.
 */
export function deviceName(t: TFunction, userAgent = navigator.userAgent): string {
  const kind = browserKind(userAgent);
  return kind ? t('auth.deviceNameOf', { ...kind }) : t('auth.deviceName');
}
