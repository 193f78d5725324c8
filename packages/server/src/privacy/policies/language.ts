import type { PolicyLanguage } from '@carillon/protocol/privacy';

/**
 * The language to answer in: the one asked for with `?lang=`, else the first
 * policy language the browser's Accept-Language names, else the prevailing one.
 */
export function pickLanguage(
  requested: PolicyLanguage | undefined,
  acceptLanguage: string | undefined,
  prevailing: PolicyLanguage,
): PolicyLanguage {
  if (requested) return requested;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return prevailing;
}
