import assert from 'node:assert/strict';
import { it } from 'node:test';
import { registerFilledPerson } from '../../../test/engine-fixtures';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';

const patch = (t: TestApp, token: string, payload: Record<string, unknown>) =>
  t.request({ method: 'PATCH', url: '/api/profile', headers: bearer(token), payload });

describeEachDialect('processing restrictions', (dialect) => {
  const testApp = useTestApp(dialect);

  it('hides a restricted category from others and freezes it until lifted', async () => {
    const t = testApp();
    const engines = t.app.dataEngines;
    const owner = await registerFilledPerson(t);
    const viewer = await registerUser(t);
    await patch(t, owner.token, { visibility: { realName: 'public', workRegion: 'public' } });
    const seen = () =>
      t.request({
        method: 'GET',
        url: `/api/users/${owner.userId}/profile`,
        headers: bearer(viewer.token),
      });
    assert.equal((await seen()).json().realName, owner.realName);

    await engines.restrict(owner.userId, 'user.name');
    await engines.restrict(owner.userId, 'user.name'); // twice is once

    assert.equal(await engines.isRestricted(owner.userId, 'user.name'), true);
    assert.equal(await engines.isRestricted(owner.userId, 'user.name.first'), true, 'below it');
    assert.equal(await engines.isRestricted(owner.userId, 'user'), false, 'not above it');
    const shown = (await seen()).json();
    assert.equal(shown.realName, undefined);
    assert.equal(shown.nickname, '');
    assert.equal(shown.workRegion, owner.workRegion, 'other categories are still shown');
    const own = await t.request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(owner.token),
    });
    assert.equal(own.json().realName, owner.realName, 'the owner still sees it');

    const edit = await patch(t, owner.token, { realName: 'Someone Else' });
    assert.equal(edit.statusCode, 409);
    assert.equal(errorId(edit), 'conflict');
    assert.equal((await patch(t, owner.token, { nickname: 'New' })).statusCode, 409);
    assert.equal((await patch(t, owner.token, { workRegion: 'Elsewhere' })).statusCode, 200);
    const report = await engines.accessReport(owner.userId);
    assert.equal(report.items.find((i) => i.table === 'profiles')?.restricted, true);
    assert.equal(report.items.find((i) => i.table === 'sessions')?.restricted, false);

    await engines.liftRestriction(owner.userId, 'user.name');
    assert.equal((await seen()).json().realName, owner.realName);
    assert.equal((await patch(t, owner.token, { nickname: 'New' })).statusCode, 200);
  });

  it('withholds a restricted avatar and refuses to replace it', async () => {
    const t = testApp();
    const owner = await registerFilledPerson(t);
    await t.app.dataEngines.restrict(owner.userId, 'user.content.self_image');
    const profile = await t.request({ method: 'GET', url: `/api/users/${owner.userId}/profile` });
    assert.equal(profile.json().avatarUrl, null);
    const avatar = await t.request({ method: 'GET', url: `/api/users/${owner.userId}/avatar` });
    assert.equal(avatar.statusCode, 404);
    const removal = await t.request({
      method: 'DELETE',
      url: '/api/profile/avatar',
      headers: bearer(owner.token),
    });
    assert.equal(removal.statusCode, 409);
  });

  it('accepts only current Fides categories', async () => {
    const t = testApp();
    await assert.rejects(
      t.app.dataEngines.restrict('someone', 'user.favourite_colour'),
      /unknown data category/,
    );
  });
});
