import fs from 'node:fs';

/** One key of the Fides taxonomy, with whether it is still current. */
interface TaxonomyEntry {
  key: string;
  deprecatedIn: string | undefined;
  replacedBy: string | undefined;
}

/** The Fides taxonomy of data categories and data uses (ethyca/fideslang data_files). */
export interface Taxonomy {
  categories: Map<string, TaxonomyEntry>;
  uses: Map<string, TaxonomyEntry>;
}

/** Splits RFC 4180 CSV text into rows; quoted fields may hold commas, quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readEntries(file: URL): Map<string, TaxonomyEntry> {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const col = (name: string) => {
    const index = header!.indexOf(name);
    if (index < 0) throw new Error(`${file.pathname}: no column ${name}`);
    return index;
  };
  const [key, deprecated, replaced] = [
    col('fides_key'),
    col('version_deprecated'),
    col('replaced_by'),
  ];
  return new Map(
    rows
      .filter((r) => r[key])
      .map((r) => [
        r[key]!,
        {
          key: r[key]!,
          deprecatedIn: r[deprecated] || undefined,
          replacedBy: r[replaced] || undefined,
        },
      ]),
  );
}

let cached: Taxonomy | undefined;

/** Loads the taxonomy shipped beside this file (Apache-2.0, see fideslang/LICENSE). */
export function loadTaxonomy(): Taxonomy {
  cached ??= {
    categories: readEntries(new URL('./fideslang/data_categories.csv', import.meta.url)),
    uses: readEntries(new URL('./fideslang/data_uses.csv', import.meta.url)),
  };
  return cached;
}

/** Why a key cannot be used, or undefined when it is a current key of that kind. */
export function checkKey(
  entries: Map<string, TaxonomyEntry>,
  key: string,
  kind: string,
): string | undefined {
  const entry = entries.get(key);
  if (!entry) return `unknown ${kind} "${key}"`;
  if (entry.deprecatedIn) {
    const hint = entry.replacedBy ? `; use "${entry.replacedBy}"` : '';
    return `${kind} "${key}" is deprecated since ${entry.deprecatedIn}${hint}`;
  }
  return undefined;
}
