import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { editions } from './editions';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('editions', () => {
  it('hold the rules of PRIV-23 as data', () => {
    const { international, cn } = editions;
    assert.deepEqual(
      [international.storageRegion, international.prevailingLanguage, international.minimumAge],
      ['Singapore', 'en', 16],
    );
    assert.deepEqual(
      [cn.storageRegion, cn.prevailingLanguage, cn.guardianConsentBelowAge],
      ['China', 'zh-CN', 14],
    );
    assert.deepEqual([international.requestDeadlineDays, cn.requestDeadlineDays], [30, 15]);
    assert.ok(
      cn.breachNotice.regulatorWithinHours < international.breachNotice.regulatorWithinHours,
    );
  });

  it('are never asked for by name in the server code', () => {
    const src = path.join(import.meta.dirname, '..');
    const asksByName =
      /\bedition(\.name)?\s*[!=]==?\s*['"]|['"](international|cn)['"]\s*[!=]==?\s*\w*edition/i;
    const offenders = sourceFiles(src).filter((file) =>
      asksByName.test(fs.readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });
});
