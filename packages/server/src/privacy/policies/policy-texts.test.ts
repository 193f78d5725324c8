import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editions } from '../editions';
import { pickLanguage } from './language';
import { controllerSection, renderTemplate, shippedPolicyTexts } from './policy-texts';

const contact = { name: undefined, email: '', phone: '', address: '' };

describe('shipped policy texts', () => {
  it('fill in every placeholder for both editions and languages', () => {
    for (const edition of Object.values(editions)) {
      const { texts, summaries } = shippedPolicyTexts(edition, contact);
      for (const text of [...Object.values(texts), ...Object.values(summaries)])
        assert.doesNotMatch(text, /\{\{|\}\}/);
    }
  });

  it('refuse a placeholder nobody fills', () => {
    assert.throws(() => renderTemplate('Hello {{nobody}}', {}), /no value for \{\{nobody\}\}/);
  });

  it('name the operator with what is configured, or say how to find them', () => {
    assert.match(controllerSection(contact, 'en'), /administrator can tell you/);
    const full = {
      name: 'Harbour Works',
      email: 'dpo@harbour.example',
      phone: '+6560000000',
      address: '1 Pier Rd',
    };
    const zh = controllerSection(full, 'zh-CN');
    assert.match(zh, /\*\*Harbour Works\*\*/);
    assert.match(zh, /电子邮箱: dpo@harbour.example/);
  });
});

describe('policy language choice', () => {
  it('prefers ?lang=, then Accept-Language, then the prevailing language', () => {
    assert.equal(pickLanguage('en', 'zh-CN', 'zh-CN'), 'en');
    assert.equal(pickLanguage(undefined, 'fr-FR, zh-TW;q=0.8', 'en'), 'zh-CN');
    assert.equal(pickLanguage(undefined, 'en-GB', 'zh-CN'), 'en');
    assert.equal(pickLanguage(undefined, 'fr', 'zh-CN'), 'zh-CN');
    assert.equal(pickLanguage(undefined, undefined, 'en'), 'en');
  });
});
