import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const SEPARATOR = '|';

/** Lower-case, without spaces: how names, pinyin and queries are compared. */
function compact(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** Full pinyin and initials of a text with Chinese characters; Latin words pass through. */
function pinyinForms(text: string): { full: string; initials: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const words = syllables.map((s) => s.trim()).filter((s) => s.length > 0);
  return {
    full: compact(words.join('')),
    initials: compact(words.map((w) => w[0] ?? '').join('')),
  };
}

/**
 * The text a member is found by: name, its pinyin and initials ("张三" →
 * "zhangsan", "zs"), position and office phone. Computed when any of them
 * changes, so a search is one indexed LIKE instead of pinyin per member.
 */
export function memberSearchKey(fields: {
  name: string;
  position?: string | null;
  officePhone?: string | null;
}): string {
  const parts = [compact(fields.name)];
  if (HAN.test(fields.name)) {
    const { full, initials } = pinyinForms(fields.name);
    parts.push(full, initials);
  }
  if (fields.position) parts.push(compact(fields.position));
  if (fields.officePhone) parts.push(fields.officePhone.replace(/\D/g, ''));
  return SEPARATOR + parts.join(SEPARATOR) + SEPARATOR;
}

/**
 * The forms a query is matched in: as typed, and for Chinese or mixed input
 * ("张san") also its full pinyin, so it meets the stored pinyin.
 */
export function searchTerms(query: string): string[] {
  const typed = compact(query);
  if (!HAN.test(query)) return [typed];
  return [...new Set([typed, pinyinForms(query).full])];
}
