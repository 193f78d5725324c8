import type { Conversation } from '@carillon/protocol/messaging';
import { account, conversationOf, fakeFetch, health, profile } from '../../../test/fake-fetch';

/** Component-test answers for the platform team: Mei (`me`, the owner), Wei and Lin. */
export const me = '01900000-0000-7000-8000-000000000001';
export const wei = '01900000-0000-7000-8000-000000000009';
export const lin = '01900000-0000-7000-8000-00000000000a';
export const gid = '01900000-0000-7000-8000-0000000000a1';

type Role = 'owner' | 'admin' | 'member';

/** The group as GET /api/conversations/:id answers it: mine to own, of two, unless `change` says otherwise. */
export const group = (change: Partial<Conversation> = {}): Conversation =>
  conversationOf({ id: gid, kind: 'group', name: 'Platform team', role: 'owner', ...change });

/**
 * A fake server for the owner's actions on the group: removing, handing over
 * and dissolving change `state` as the server would; `refuse` answers the
 * named request with that error instead.
 */
export function ownerServer(refuse: Record<string, { status: number; id: string }> = {}) {
  const state = {
    roles: new Map<string, Role>([
      [me, 'owner'],
      [wei, 'member'],
      [lin, 'admin'],
    ]),
  };
  const dissolved = () => !state.roles.has(me);
  const refused = (key: string, change: () => void) => () => {
    const error = refuse[key];
    if (error) return { status: error.status, body: { error: { id: error.id, message: 'no' } } };
    change();
    return { status: 204 };
  };
  const server = fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    [`GET /api/users/${me}/profile`]: profile(me, 'Mei'),
    [`GET /api/users/${wei}/profile`]: profile(wei, 'Wei'),
    [`GET /api/users/${lin}/profile`]: profile(lin, 'Lin'),
    'GET /api/conversations': () => ({
      body: {
        conversations: dissolved()
          ? []
          : [group({ role: state.roles.get(me)!, memberCount: state.roles.size })],
      },
    }),
    // The group page's "Add people" lists my friends: none here.
    'GET /api/contacts': { body: { contacts: [] } },
    [`GET /api/conversations/${gid}`]: () =>
      dissolved()
        ? { status: 404, body: { error: { id: 'not_found', message: 'gone' } } }
        : { body: group({ role: state.roles.get(me)!, memberCount: state.roles.size }) },
    [`GET /api/conversations/${gid}/members`]: () => ({
      body: {
        members: [...state.roles].map(([userId, role], i) => ({ userId, role, joinedAt: i })),
      },
    }),
    [`DELETE /api/conversations/${gid}/members/${wei}`]: refused('remove', () =>
      state.roles.delete(wei),
    ),
    [`POST /api/conversations/${gid}/transfer`]: (request) =>
      refused('transfer', () => {
        state.roles.set(me, 'admin');
        state.roles.set((request.body as { userId: string }).userId, 'owner');
      })(),
    [`DELETE /api/conversations/${gid}`]: refused('dissolve', () => state.roles.clear()),
  });
  return { state, ...server };
}
