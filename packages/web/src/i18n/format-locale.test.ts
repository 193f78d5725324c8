import { describe, expect, it } from 'vitest';
import { formatLocale } from './format-locale';

describe('formatLocale', () => {
  it("takes a British browser's regional tag for the English client", () => {
    expect(formatLocale('en', ['en-GB', 'en'])).toBe('en-GB');
  });

  it('keeps US conventions for a US browser', () => {
    expect(formatLocale('en', ['en-US', 'en'])).toBe('en-US');
  });

  it('skips browser tags in other languages to find the variant', () => {
    expect(formatLocale('en', ['fr-FR', 'en-AU'])).toBe('en-AU');
  });

  it('keeps zh-CN for a Chinese browser', () => {
    expect(formatLocale('zh-CN', ['zh-CN', 'zh'])).toBe('zh-CN');
  });

  it("does not take another region's Chinese for the zh-CN client", () => {
    expect(formatLocale('zh-CN', ['zh-TW'])).toBe('zh-CN');
  });

  it('uses the on-screen language when the person switched away from the browser language', () => {
    expect(formatLocale('zh-CN', ['en-GB', 'en'])).toBe('zh-CN');
    expect(formatLocale('en', ['zh-CN'])).toBe('en');
  });

  it('ignores a malformed browser tag', () => {
    expect(formatLocale('en', ['not a tag', 'en-GB'])).toBe('en-GB');
  });
});
