import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { operatorEnv, operatorToken, policyBody, publishPolicy } from '../../../test/privacy';

describeEachDialect('policies: versions, languages and publishing', (dialect) => {
  const t = useTestApp(dialect, {
    env: { ...operatorEnv, CONTROLLER_NAME: 'Harbour Works Pte Ltd' },
  });

  it('publishes version 1 from the shipped texts on first start, filled in for the edition', async () => {
    const list = await t().request({ method: 'GET', url: '/api/policies' });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().prevailingLanguage, 'en');
    assert.equal(list.json().versions.at(-1).version, 1);

    const en = (await t().request({ method: 'GET', url: '/api/policies/1' })).json();
    assert.equal(en.language, 'en');
    assert.equal(en.prevailingLanguage, 'en');
    assert.match(en.text, /stored in Singapore/);
    assert.match(en.text, /not intended for people under 16/);
    assert.match(en.text, /Harbour Works Pte Ltd/);
    assert.match(en.text, /within 30\s+days/);
    assert.match(en.text, /the English version prevails/);
    assert.ok(en.summary.length > 0 && en.summary.length < en.text.length);
    const zh = (await t().request({ method: 'GET', url: '/api/policies/1?lang=zh-CN' })).json();
    assert.equal(zh.language, 'zh-CN');
    assert.match(zh.text, /存储在新加坡境内/);
    assert.match(zh.text, /以英文版本\s*为准/);
    for (const doc of [en, zh]) assert.doesNotMatch(doc.text + doc.summary, /\{\{/);
  });

  it('answers in the language the browser prefers when none is asked for', async () => {
    const response = await t().request({
      method: 'GET',
      url: '/api/policies/current',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' },
    });
    assert.equal(response.json().language, 'zh-CN');
  });

  it('keeps every old version readable, unchanged, while new ones are published', async () => {
    const token = await operatorToken(t());
    const before = (await t().request({ method: 'GET', url: '/api/policies/1' })).json();
    const minor = await publishPolicy(t(), token);
    const significant = await publishPolicy(t(), token, {
      significant: true,
      changes: ['Adds calendar subscriptions.'],
      texts: { en: '# Policy v-next', 'zh-CN': '# 新政策' },
    });
    assert.deepEqual([minor, significant], [2, 3]);

    const list = (await t().request({ method: 'GET', url: '/api/policies' })).json();
    assert.equal(list.currentVersion, 3);
    assert.deepEqual(
      list.versions.map((v: { version: number }) => v.version),
      [3, 2, 1],
    );
    assert.deepEqual(list.versions[0].changes, ['Adds calendar subscriptions.']);
    assert.equal(list.versions[0].significant, true);
    assert.equal(list.versions[0].url, '/api/policies/3');

    const current = (await t().request({ method: 'GET', url: '/api/policies/current' })).json();
    assert.equal(current.version, 3);
    assert.equal(current.text, '# Policy v-next');
    const old = (await t().request({ method: 'GET', url: '/api/policies/1' })).json();
    assert.deepEqual({ ...old, current: true }, { ...before, current: true });
    assert.equal(old.current, false);
  });

  it('refuses a significant version that does not list what changed', async () => {
    const token = await operatorToken(t());
    const response = await t().request({
      method: 'POST',
      url: '/api/operator/policies',
      headers: bearer(token),
      payload: policyBody({ significant: true, changes: [] }),
    });
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'validation_failed');
    assert.match(response.body, /body\.changes/);
  });

  it('answers 400 for a body without one of the languages', async () => {
    const token = await operatorToken(t());
    const body = policyBody();
    const response = await t().request({
      method: 'POST',
      url: '/api/operator/policies',
      headers: bearer(token),
      payload: { ...body, texts: { en: body.texts.en } },
    });
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'validation_failed');
  });

  it('lets only operators publish: 401 without a token and with a user token', async () => {
    const user = await registerUser(t());
    for (const headers of [{}, bearer(user.token)]) {
      const response = await t().request({
        method: 'POST',
        url: '/api/operator/policies',
        headers,
        payload: policyBody(),
      });
      assert.equal(response.statusCode, 401);
      assert.equal(errorId(response), 'unauthenticated');
    }
  });

  it('answers 404 for a version never published, 400 for a bad version or language', async () => {
    const missing = await t().request({ method: 'GET', url: '/api/policies/999' });
    assert.equal(missing.statusCode, 404);
    assert.equal(errorId(missing), 'not_found');
    for (const url of ['/api/policies/abc', '/api/policies/0', '/api/policies/1?lang=fr']) {
      const response = await t().request({ method: 'GET', url });
      assert.equal(response.statusCode, 400, url);
      assert.equal(errorId(response), 'validation_failed');
    }
  });
});

describeEachDialect('policies: the cn edition', (dialect) => {
  const t = useTestApp(dialect, { env: { EDITION: 'cn' } });

  it('lets Simplified Chinese prevail and states China storage and the guardian rule', async () => {
    const doc = (await t().request({ method: 'GET', url: '/api/policies/current' })).json();
    assert.equal(doc.language, 'zh-CN');
    assert.equal(doc.prevailingLanguage, 'zh-CN');
    assert.match(doc.text, /存储在中国境内/);
    assert.match(doc.text, /未满 14 周岁的儿童须经监护人同意/);
    assert.match(doc.text, /以简体中文版本\s*为准/);
    assert.match(doc.text, /15 天内/);
    const en = (await t().request({ method: 'GET', url: '/api/policies/current?lang=en' })).json();
    assert.match(en.text, /Children under 14 may use Carillon only with a guardian's consent/);
    assert.match(en.text, /the Simplified Chinese version prevails/);
    assert.doesNotMatch(en.text, /not intended for people under/);
  });
});
