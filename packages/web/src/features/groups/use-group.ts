import { Conversation, MemberList, type Role } from '@carillon/protocol/messaging';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { useServices } from '../../app/services';

/** One member of a group as the members list shows it. */
export type GroupMember = z.infer<typeof MemberList>['members'][number];

/** Owners and admins manage a group (rename, announce, invite, approve, remove plain members). */
export const canManage = (role: Role): boolean => role === 'owner' || role === 'admin';

/** A group and its members, re-read after every change the screen makes. */
export function useGroup(id: string) {
  const { api } = useServices();
  const [group, setGroup] = useState<Conversation | null>(null);
  const [members, setMembers] = useState<GroupMember[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [gone, setGone] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [conversation, list] = await Promise.all([
        api.get(`/api/conversations/${id}`, { schema: Conversation }),
        api.get(`/api/conversations/${id}/members`, { schema: MemberList }),
      ]);
      setGroup(conversation);
      setMembers(list.members);
      setError(null);
    } catch (failure) {
      setError(failure);
      setGone(true);
    }
  }, [api, id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { group, members, error, gone, reload };
}
