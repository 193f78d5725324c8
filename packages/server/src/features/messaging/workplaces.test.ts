import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isExternalGroup } from './workplaces';

const personal = { kind: 'group', organization_id: null, org_group: null } as const;
const owned = { kind: 'group', organization_id: 'X', org_group: null } as const;
const orgs = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe('external groups', () => {
  it('a personal group of people from two organizations is external', () => {
    assert.equal(isExternalGroup(personal, ['a', 'b'], orgs({ a: ['X'], b: ['Y'] })), true);
  });

  it('a personal group whose members all share one organization is not', () => {
    const map = orgs({ a: ['X', 'Y'], b: ['X'], c: ['X', 'Z'] });
    assert.equal(isExternalGroup(personal, ['a', 'b', 'c'], map), false);
  });

  it('a personal group with one organization and people without any is not', () => {
    assert.equal(isExternalGroup(personal, ['a', 'b'], orgs({ a: ['X'] })), false);
    assert.equal(isExternalGroup(personal, ['a', 'b'], orgs({})), false);
  });

  it('an owned group is external exactly when someone is not in its organization', () => {
    assert.equal(isExternalGroup(owned, ['a', 'b'], orgs({ a: ['X'], b: ['X', 'Y'] })), false);
    assert.equal(isExternalGroup(owned, ['a', 'b'], orgs({ a: ['X'] })), true);
    assert.equal(isExternalGroup(owned, ['a', 'b'], orgs({ a: ['X'], b: ['Y'] })), true);
  });

  it('organization groups and one-to-one chats never are', () => {
    const allStaff = { ...owned, org_group: 'all_staff' } as const;
    assert.equal(isExternalGroup(allStaff, ['a', 'b'], orgs({ a: ['X'] })), false);
    const direct = { ...personal, kind: 'direct' } as const;
    assert.equal(isExternalGroup(direct, ['a', 'b'], orgs({ a: ['X'], b: ['Y'] })), false);
  });
});
