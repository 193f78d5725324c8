// Refreshes the screenshots the README shows from the last browser-journey run.
// Journeys save every screen to .screenshots/ (not tracked); docs/screenshots/
// holds exactly the ones README.md names, so a test run changes no tracked file.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.join(root, '.screenshots');
const to = path.join(root, 'docs', 'screenshots');

const shown = new Set(
  [
    ...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(
      /docs\/screenshots\/([\w-]+\.png)/g,
    ),
  ].map((match) => match[1]),
);
const missing = [...shown].filter((name) => !existsSync(path.join(from, name)));
if (missing.length > 0) {
  console.error(`Not in .screenshots/ (run the browser journeys first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of shown) copyFileSync(path.join(from, name), path.join(to, name));
const stale = readdirSync(to).filter((name) => !shown.has(name));
for (const name of stale) rmSync(path.join(to, name));
console.log(
  `docs/screenshots: ${shown.size} copied from .screenshots/, ${stale.length} no longer shown removed`,
);
