import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';

/**
 * Where journeys save their screenshots: not tracked, so a test run changes
 * no file in git; `npm run screenshots` copies the README's to docs/screenshots/.
 */
export const SCREENSHOTS = fileURLToPath(new URL('../../../../.screenshots/', import.meta.url));

/**
 * Saves a screenshot of the page as `.screenshots/<name>.png` and fails
 * on any serious or critical axe-core violation of the screen shown.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `accessibility violations on ${name}`);
}
