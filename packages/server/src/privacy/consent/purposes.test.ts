import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { policyLanguages } from '@carillon/protocol/privacy';
import { loadTaxonomy } from '../fideslang';
import { catalogueProblems, needsOwnConsent, purposeOf, purposes, type Purpose } from './purposes';
import { youngestAge } from './sign-up.service';

const all = Object.entries(purposes as Record<string, Purpose>);

describe('purposes catalogue', () => {
  it('names only current Fides data uses and categories', () => {
    assert.deepEqual(catalogueProblems(loadTaxonomy()), []);
  });

  it('reports an unknown key, as the boot check would', () => {
    const location = purposes.location as Purpose;
    const saved = location.dataUse;
    try {
      location.dataUse = 'functional.mind_reading';
      assert.deepEqual(catalogueProblems(loadTaxonomy()), [
        'purpose location: unknown data use "functional.mind_reading"',
      ]);
    } finally {
      location.dataUse = saved;
    }
  });

  it('has the permission switches of PRIV-4, each needing its own consent', () => {
    const switches = all.filter(([, p]) => p.kind === 'additional').map(([key]) => key);
    assert.deepEqual(switches.sort(), [
      'ai_assistant',
      'calendar',
      'camera_microphone',
      'contacts_matching',
      'health',
      'location',
      'personalization',
    ]);
    for (const [key, purpose] of all)
      assert.equal(needsOwnConsent(purpose), purpose.kind === 'additional', key);
  });

  it('marks whereabouts and health as sensitive (PRIV-11), and only personalization as GPC opt-out', () => {
    assert.deepEqual(purposes.location.sensitiveCategories, ['user.location.precise']);
    assert.deepEqual(purposes.health.sensitiveCategories, ['user.health_and_medical']);
    assert.deepEqual(
      all.filter(([, p]) => p.withdrawnByGpc).map(([key]) => key),
      ['personalization'],
    );
  });

  it('describes every purpose in every policy language', () => {
    for (const [key, purpose] of all)
      for (const language of policyLanguages) {
        assert.ok(purpose.text[language].title, `${key} ${language}`);
        assert.ok(purpose.text[language].description, `${key} ${language}`);
      }
  });

  it('knows nothing of inherited object keys', () => {
    assert.equal(purposeOf('toString'), undefined);
    assert.equal(purposeOf('constructor'), undefined);
  });
});

describe('age from a year of birth', () => {
  const lateNovember2026 = Date.UTC(2026, 10, 25);
  it('assumes this year’s birthday has not passed yet', () => {
    assert.equal(youngestAge(2010, lateNovember2026), 15);
    assert.equal(youngestAge(2009, lateNovember2026), 16);
    assert.equal(youngestAge(2010, Date.UTC(2027, 0, 1)), 16);
  });
});
