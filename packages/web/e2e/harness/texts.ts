import { readdirSync, readFileSync } from 'node:fs';

type Tree = { [key: string]: string | Tree };

const LOCALES = new URL('../../src/i18n/locales/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, LOCALES), 'utf8')) as Tree;

/** The shared file and every feature file (`groups.en.json`, …), merged as i18n.ts merges them. */
function load(language: 'en' | 'zh-CN'): Tree {
  const features = readdirSync(LOCALES).filter((file) => file.endsWith(`.${language}.json`));
  return Object.assign(read(`${language}.json`), ...features.map(read)) as Tree;
}

/**
 * The client's own strings, so journeys find buttons and fields by the
 * accessible names a person sees, in either language: `text('auth.login')`,
 * with `{{name}}` placeholders filled from `values`.
 */
export function textsFor(language: 'en' | 'zh-CN') {
  const tree = load(language);
  return (key: string, values: Record<string, string | number> = {}): string => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no text ${key} in ${language}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

/** A text lookup for one language. */
export type Texts = ReturnType<typeof textsFor>;
