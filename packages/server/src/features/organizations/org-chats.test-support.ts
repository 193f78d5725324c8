import assert from 'node:assert/strict';
import type { Conversation } from '@carillon/protocol/messaging';
import type { TestApp } from '../../../test/harness';
import { call, type Person } from './organizations.test-support';

/** Opens (or gets) the colleague chat between `who` and `peer` in an organization. */
export async function openColleagueChat(
  t: TestApp,
  who: Person,
  peer: Person,
  organizationId: string,
): Promise<Conversation> {
  const response = await call(t, who, 'POST', '/api/conversations/direct', {
    userId: peer.userId,
    organizationId,
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Conversation;
}

/** The caller's conversation list. */
export async function conversationsOf(t: TestApp, who: Person): Promise<Conversation[]> {
  const response = await call(t, who, 'GET', '/api/conversations');
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { conversations: Conversation[] }).conversations;
}

/** The organization's all-staff group as `who` sees it, if they are in it. */
export async function allStaffOf(t: TestApp, who: Person, organizationId: string) {
  return (await conversationsOf(t, who)).find(
    (c) => c.organizationId === organizationId && c.orgGroup === 'all_staff',
  );
}

/** Turns a department's group on or off as `who`; returns the raw response. */
export function setDepartmentGroup(
  t: TestApp,
  who: Person,
  organizationId: string,
  departmentId: string,
  enabled: boolean,
) {
  return call(
    t,
    who,
    'PUT',
    `/api/organizations/${organizationId}/departments/${departmentId}/group`,
    {
      enabled,
    },
  );
}

/** Member ids of a conversation, as a member sees them. */
export async function memberIdsOf(t: TestApp, who: Person, conversationId: string) {
  const response = await call(t, who, 'GET', `/api/conversations/${conversationId}/members`);
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { members: { userId: string }[] }).members.map((m) => m.userId).sort();
}
