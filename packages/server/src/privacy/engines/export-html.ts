import { isPersonal, type TableManifest } from '../manifest';
import type { AccessReport } from './data-engines';
import type { Row } from './table-walk';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const list = (values: string[]) => escapeHtml(values.join(', '));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The table's name, linking to its section, or marked as held by an organization. */
const tableCell = (i: AccessReport['items'][number], included: boolean) =>
  included
    ? `<a href="#${escapeHtml(i.table)}">${escapeHtml(i.table)}</a>`
    : `${escapeHtml(i.table)} <em>(organization)</em>`;

/**
 * Why rows an organization controls are listed but not included, and how to
 * ask for them (ORG-4, DingTalk policy II(III); ADR 18).
 */
function renderOrganizationNotice(included: boolean[]): string {
  if (included.every(Boolean)) return '';
  return `<h2 id="organization-data">Data your organizations hold</h2>
<p>The rows marked <em>(organization)</em> are controlled by an organization you belong or belonged to:
your membership and what it assigned you, and the messages of its work chats and organization groups.
For these the organization is the controller and Carillon acts only on its instructions, so they are not
in this archive; the organization keeps them as long as its retention period says.</p>
<p>To receive them, or to have them corrected or deleted, make a data-rights request (a copy, a correction
or a deletion) in the privacy center. The part about an organization's data is sent to its
administrators, who must answer it by the same deadline; their answer appears on your request.</p>
`;
}

/**
 * The page's head and the access-report summary, before any table's rows.
 * `included[i]` says whether the rows of `report.items[i]` are in the archive
 * (those an organization controls are not).
 */
export function renderHead(report: AccessReport, included: boolean[]): string {
  const items = report.items
    .map(
      (i, n) =>
        `<tr><td>${tableCell(i, included[n] ?? true)}<br><small>${escapeHtml(i.description)}</small></td>` +
        `<td>${list(i.categories)}</td><td>${list(i.purposes)}</td><td>${list(i.legalBasis)}</td>` +
        `<td>${escapeHtml(i.retention)}</td><td>${i.records}</td><td>${i.restricted ? 'restricted' : ''}</td></tr>`,
    )
    .join('\n');
  const recipients = report.recipients.length
    ? `<ul>${report.recipients.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`
    : '<p>Nobody outside this service has received your data.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Your data</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}small{color:#555}</style></head>
<body><h1>Your data</h1>
<p>Generated ${iso(report.generatedAt)}. Stored in ${escapeHtml(report.storageRegion)}.
The same data, machine-readable, is in <code>data/*.json</code>; the summary in <code>access-report.json</code>.</p>
<h2>What we hold</h2>
<table><tr><th>Table</th><th>Categories</th><th>Purposes</th><th>Legal basis</th><th>Kept</th><th>Records</th><th></th></tr>
${items}</table>
${renderOrganizationNotice(included)}<h2>Where it came from</h2><p>${list(report.sources)}</p>
<h2>Who received it</h2>${recipients}
`;
}

/** The heading and column titles of one table's section. */
export function renderTableOpen(manifest: TableManifest, columns: string[]): string {
  const name = escapeHtml(manifest.table);
  const titles = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  return `<h2 id="${name}">${name}</h2><p>${escapeHtml(manifest.description)}</p>\n<table><tr>${titles}</tr>\n`;
}

function renderValue(
  manifest: TableManifest,
  column: string,
  value: unknown,
  files: Map<string, string>,
): string {
  if (value === null || value === undefined) return '';
  const declared = manifest.columns[column];
  const file = typeof value === 'string' ? files.get(value) : undefined;
  if (declared && isPersonal(declared) && declared.file && file)
    return `<a href="${escapeHtml(file)}">${escapeHtml(file)}</a>`;
  if (declared && !isPersonal(declared) && declared.notPersonal === 'timestamp')
    return typeof value === 'number' ? iso(value) : escapeHtml(String(value));
  return escapeHtml(String(value));
}

/** One row of a table's section; file references link to the file in the archive. */
export function renderRow(
  manifest: TableManifest,
  columns: string[],
  row: Row,
  files: Map<string, string>,
): string {
  const cells = columns.map((c) => `<td>${renderValue(manifest, c, row[c], files)}</td>`).join('');
  return `<tr>${cells}</tr>\n`;
}

/** Closes a table's section. */
export const renderTableClose = () => '</table>\n';

/** Closes the page. */
export const renderFoot = () => '</body></html>\n';

/** A file name extension from the first bytes, so the archive's files open with a click. */
export function extensionOf(bytes: Buffer): string {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return '.webp';
  if (ascii(1, 4) === 'PNG') return '.png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return '.jpg';
  if (ascii(0, 4) === 'GIF8') return '.gif';
  if (ascii(0, 5) === '%PDF-') return '.pdf';
  return '';
}
