import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';

/** Where journeys save their screenshots (the README shows some of them). */
export const SCREENSHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));

/**
 * Saves a screenshot of the page as `docs/screenshots/<name>.png` and fails
 * on any serious or critical axe-core violation of the screen shown.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `accessibility violations on ${name}`);
}
