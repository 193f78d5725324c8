import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { OwnProfile } from '@carillon/protocol/profiles';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';

/** Every optional field filled in, as a PATCH body. */
const filledIn = {
  realName: 'Tan Mei Ling',
  gender: 'female',
  birthday: '1990-04-17',
  workRegion: 'Singapore',
  enterpriseEmail: 'mei.tan@example.com',
} as const;

const allOnlyMe = {
  realName: 'only_me',
  gender: 'only_me',
  birthday: 'only_me',
  workRegion: 'only_me',
  enterpriseEmail: 'only_me',
};

const ownProfile = async (t: TestApp, token: string) => {
  const response = await t.request({ method: 'GET', url: '/api/profile', headers: bearer(token) });
  assert.equal(response.statusCode, 200);
  return response.json() as OwnProfile;
};

const patchProfile = (t: TestApp, token: string, payload: unknown) =>
  t.request({
    method: 'PATCH',
    url: '/api/profile',
    headers: bearer(token),
    payload: payload as object,
  });

const viewProfile = (t: TestApp, userId: string, token?: string) =>
  t.request({
    method: 'GET',
    url: `/api/users/${userId}/profile`,
    ...(token ? { headers: bearer(token) } : {}),
  });

describeEachDialect('profiles: own profile', (dialect) => {
  const t = useTestApp(dialect);

  it('after sign-up holds the nickname, no optional field, and shares nothing', async () => {
    const mei = await registerUser(t(), { nickname: 'Mei' });
    assert.deepEqual(await ownProfile(t(), mei.token), {
      userId: mei.userId,
      nickname: 'Mei',
      avatarUrl: null,
      realName: null,
      gender: null,
      birthday: null,
      workRegion: null,
      enterpriseEmail: null,
      visibility: allOnlyMe,
    });
  });

  it('PATCH sets fields and visibility and answers with the new profile', async () => {
    const mei = await registerUser(t());
    const response = await patchProfile(t(), mei.token, {
      ...filledIn,
      nickname: 'Mei Mei',
      visibility: { realName: 'public', birthday: 'contacts' },
    });
    assert.equal(response.statusCode, 200);
    const expected = {
      userId: mei.userId,
      nickname: 'Mei Mei',
      avatarUrl: null,
      ...filledIn,
      visibility: { ...allOnlyMe, realName: 'public', birthday: 'contacts' },
    };
    assert.deepEqual(response.json(), expected);
    assert.deepEqual(await ownProfile(t(), mei.token), expected);
  });

  it('PATCH leaves absent fields alone, merges visibility, and null clears a field', async () => {
    const mei = await registerUser(t());
    await patchProfile(t(), mei.token, { ...filledIn, visibility: { gender: 'public' } });
    const response = await patchProfile(t(), mei.token, {
      realName: null,
      birthday: null,
      visibility: { workRegion: 'contacts' },
    });
    assert.equal(response.statusCode, 200);
    const profile = response.json() as OwnProfile;
    assert.equal(profile.realName, null);
    assert.equal(profile.birthday, null);
    assert.equal(profile.gender, 'female');
    assert.equal(profile.workRegion, 'Singapore');
    assert.equal(profile.enterpriseEmail, 'mei.tan@example.com');
    assert.deepEqual(profile.visibility, {
      ...allOnlyMe,
      gender: 'public',
      workRegion: 'contacts',
    });
  });

  it('trims text fields and accepts a leap day', async () => {
    const mei = await registerUser(t());
    const response = await patchProfile(t(), mei.token, {
      nickname: '  Mei  ',
      realName: '  Tan Mei Ling ',
      birthday: '2000-02-29',
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().nickname, 'Mei');
    assert.equal(response.json().realName, 'Tan Mei Ling');
    assert.equal(response.json().birthday, '2000-02-29');
  });

  it('accepts text at its longest: a 40-character nickname, an 80-character name', async () => {
    const mei = await registerUser(t());
    const nickname = '小'.repeat(40);
    const realName = 'x'.repeat(80);
    const response = await patchProfile(t(), mei.token, { nickname, realName });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal((await ownProfile(t(), mei.token)).nickname, nickname);
    assert.equal((await ownProfile(t(), mei.token)).realName, realName);
  });

  it('an empty PATCH changes nothing', async () => {
    const mei = await registerUser(t());
    await patchProfile(t(), mei.token, filledIn);
    const before = await ownProfile(t(), mei.token);
    const response = await patchProfile(t(), mei.token, {});
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), before);
  });
});

describeEachDialect('profiles: what others see', (dialect) => {
  const t = useTestApp(dialect);

  /** An owner with every field filled in and a mix of visibilities. */
  async function mixedOwner() {
    const owner = await registerUser(t(), { nickname: 'Owner' });
    const response = await patchProfile(t(), owner.token, {
      ...filledIn,
      visibility: {
        realName: 'public',
        gender: 'contacts',
        birthday: 'only_me',
        workRegion: 'public',
        enterpriseEmail: 'contacts',
      },
    });
    assert.equal(response.statusCode, 200);
    return owner;
  }

  const publicView = (userId: string) => ({
    userId,
    nickname: 'Owner',
    avatarUrl: null,
    realName: filledIn.realName,
    workRegion: filledIn.workRegion,
  });

  it('another signed-in user sees nickname, avatar and public fields only', async () => {
    const owner = await mixedOwner();
    const stranger = await registerUser(t());
    const response = await viewProfile(t(), owner.userId, stranger.token);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), publicView(owner.userId));
  });

  it('an anonymous visitor sees the same as a stranger', async () => {
    const owner = await mixedOwner();
    const response = await viewProfile(t(), owner.userId);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), publicView(owner.userId));
  });

  it('the owner sees every filled-in field through the public route', async () => {
    const owner = await mixedOwner();
    const response = await viewProfile(t(), owner.userId, owner.token);
    assert.deepEqual(response.json(), {
      userId: owner.userId,
      nickname: 'Owner',
      avatarUrl: null,
      ...filledIn,
    });
  });

  it('hides contacts-only fields from strangers while no contacts exist', async () => {
    const owner = await registerUser(t());
    const allContacts = Object.fromEntries(Object.keys(allOnlyMe).map((k) => [k, 'contacts']));
    await patchProfile(t(), owner.token, { ...filledIn, visibility: allContacts });
    const stranger = await registerUser(t());
    for (const token of [stranger.token, undefined]) {
      const shown = (await viewProfile(t(), owner.userId, token)).json();
      assert.deepEqual(Object.keys(shown).sort(), ['avatarUrl', 'nickname', 'userId']);
    }
  });

  it('never shows a public field that is empty, and stops showing a cleared one', async () => {
    const owner = await registerUser(t());
    await patchProfile(t(), owner.token, {
      realName: 'Tan Mei Ling',
      visibility: { realName: 'public', gender: 'public' },
    });
    assert.equal((await viewProfile(t(), owner.userId)).json().realName, 'Tan Mei Ling');
    assert.equal('gender' in (await viewProfile(t(), owner.userId)).json(), false);
    await patchProfile(t(), owner.token, { realName: null });
    assert.equal('realName' in (await viewProfile(t(), owner.userId)).json(), false);
  });

  it('hides a field again once its visibility goes back to only_me', async () => {
    const owner = await registerUser(t());
    await patchProfile(t(), owner.token, { ...filledIn, visibility: { birthday: 'public' } });
    assert.equal((await viewProfile(t(), owner.userId)).json().birthday, filledIn.birthday);
    await patchProfile(t(), owner.token, { visibility: { birthday: 'only_me' } });
    assert.equal('birthday' in (await viewProfile(t(), owner.userId)).json(), false);
  });

  it('answers 404 for an unknown user and 400 for an id that is not a uuid', async () => {
    const viewer = await registerUser(t());
    const unknown = await viewProfile(t(), randomUUID(), viewer.token);
    assert.equal(unknown.statusCode, 404);
    assert.equal(errorId(unknown), 'not_found');
    const anonymousUnknown = await viewProfile(t(), randomUUID());
    assert.equal(anonymousUnknown.statusCode, 404);
    const malformed = await viewProfile(t(), 'not-a-uuid');
    assert.equal(malformed.statusCode, 400);
    assert.equal(errorId(malformed), 'validation_failed');
  });

  it('answers 401 when a garbage token is sent, even though sign-in is optional', async () => {
    const owner = await registerUser(t());
    const response = await viewProfile(t(), owner.userId, 'garbage');
    assert.equal(response.statusCode, 401);
    assert.equal(errorId(response), 'unauthenticated');
  });
});

describeEachDialect('profiles: refused changes', (dialect) => {
  const t = useTestApp(dialect);

  const refused: [string, unknown][] = [
    ['a number as nickname', { nickname: 42 }],
    ['a null nickname', { nickname: null }],
    ['an empty nickname', { nickname: '   ' }],
    ['a nickname over 40 characters', { nickname: 'x'.repeat(41) }],
    ['a real name over 80 characters', { realName: 'x'.repeat(81) }],
    ['an array as real name', { realName: ['Tan'] }],
    ['an unknown gender', { gender: 'robot' }],
    ['an impossible birthday', { birthday: '2024-13-45' }],
    ['a 29 February outside a leap year', { birthday: '2023-02-29' }],
    ['a birthday in another format', { birthday: '17/04/1990' }],
    ['a bad e-mail address', { enterpriseEmail: 'not-an-email' }],
    ['an unknown key', { nickname: 'Mei', isAdmin: true }],
    ['a visibility that does not exist', { visibility: { realName: 'friends' } }],
    ['visibility for an unknown field', { visibility: { phone: 'public' } }],
    ['a birthday in the future', { birthday: '2999-01-01' }],
    ['visibility as a string', { visibility: 'public' }],
    ['a body that is not an object', ['realName']],
  ];

  for (const [what, payload] of refused) {
    it(`answers 400 for ${what} and changes nothing`, async () => {
      const mei = await registerUser(t());
      await patchProfile(t(), mei.token, { ...filledIn, visibility: { gender: 'public' } });
      const before = await ownProfile(t(), mei.token);
      // A valid field next to the bad one proves the request is all or nothing.
      const body =
        typeof payload === 'object' && payload && !Array.isArray(payload)
          ? { workRegion: 'Penang', ...payload }
          : payload;
      const response = await patchProfile(t(), mei.token, body);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(errorId(response), 'validation_failed');
      assert.deepEqual(await ownProfile(t(), mei.token), before);
    });
  }

  it('answers 400 malformed_body for JSON that does not parse', async () => {
    const mei = await registerUser(t());
    const response = await t().request({
      method: 'PATCH',
      url: '/api/profile',
      headers: { ...bearer(mei.token), 'content-type': 'application/json' },
      payload: '{"nickname":',
    });
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'malformed_body');
  });

  it('answers 401 without a token or with a garbage one, and changes nothing', async () => {
    const mei = await registerUser(t());
    const before = await ownProfile(t(), mei.token);
    for (const headers of [{}, bearer('garbage'), bearer(`${mei.token}x`)]) {
      const response = await t().request({
        method: 'PATCH',
        url: '/api/profile',
        headers,
        payload: { nickname: 'Intruder' },
      });
      assert.equal(response.statusCode, 401);
      assert.equal(errorId(response), 'unauthenticated');
    }
    assert.deepEqual(await ownProfile(t(), mei.token), before);
  });

  it('answers 401 for GET /api/profile without a token', async () => {
    const response = await t().request({ method: 'GET', url: '/api/profile' });
    assert.equal(response.statusCode, 401);
    assert.equal(errorId(response), 'unauthenticated');
  });

  it('refuses a cookie-session PATCH without the CSRF header, accepts it with one', async () => {
    const mei = await registerUser(t());
    const cookies = { carillon_session: mei.token };
    const forged = await t().request({
      method: 'PATCH',
      url: '/api/profile',
      cookies,
      payload: { nickname: 'Forged' },
    });
    assert.equal(forged.statusCode, 403);
    assert.equal(errorId(forged), 'csrf_failed');
    const genuine = await t().request({
      method: 'PATCH',
      url: '/api/profile',
      cookies,
      headers: { 'x-csrf-token': mei.csrfToken },
      payload: { nickname: 'Genuine' },
    });
    assert.equal(genuine.statusCode, 200);
    assert.equal((await ownProfile(t(), mei.token)).nickname, 'Genuine');
  });
});
