/**
 * The tag Intl formats with: the browser's own regional variant of the
 * language on screen (en-GB for a British reader of the English client), else
 * the on-screen language itself, e.g. after switching to one the browser does
 * not list.
 */
export function formatLocale(language: string, browser: readonly string[]): string {
  const screen = parse(language);
  if (!screen) return language;
  const variant = browser.find((tag) => {
    const candidate = parse(tag);
    if (!candidate || candidate.language !== screen.language) return false;
    // A regional on-screen language (zh-CN) only takes the same region's tags.
    return !screen.region || candidate.region === screen.region;
  });
  return variant ?? language;
}

function parse(tag: string): Intl.Locale | null {
  try {
    return new Intl.Locale(tag);
  } catch {
    return null;
  }
}
