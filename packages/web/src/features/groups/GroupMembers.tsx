import type { Conversation } from '@carillon/protocol/messaging';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useServicesProfiles } from '../people/use-profile';
import type { GroupMember } from './use-group';
import { ConfirmButton } from '../../ui/ConfirmButton';

/**
 * The members with their roles. The owner makes and unmakes admins, hands
 * the group over and removes anyone; an admin removes plain members.
 */
export function GroupMembers({
  group,
  members,
  myId,
  onChanged,
}: {
  group: Conversation;
  members: GroupMember[];
  myId: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const profiles = useServicesProfiles();
  const [error, setError] = useState<unknown>(null);
  const base = `/api/conversations/${group.id}`;
  const act = async (call: Promise<unknown>) => {
    setError(null);
    await call.catch(setError);
    await onChanged();
  };
  const owner = group.role === 'owner';

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('groups.members', { count: members.length })}</h2>
      <ErrorMessage error={error} />
      <ul className="people-list" aria-label={t('groups.membersLabel')}>
        {members.map((member) => {
          const name = profiles.get(member.userId)?.nickname ?? t('people.someone');
          const me = member.userId === myId;
          const removable =
            !me &&
            member.role !== 'owner' &&
            (owner || (group.role === 'admin' && member.role === 'member'));
          return (
            <li key={member.userId}>
              <span className="person-name">
                {name}
                {me ? ` (${t('groups.you')})` : ''}
              </span>
              <span className="hint">{t(`groups.role.${member.role}`)}</span>
              {owner && !me ? (
                <>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t(
                      member.role === 'admin' ? 'groups.unmakeAdmin' : 'groups.makeAdmin',
                      { name },
                    )}
                    onClick={() =>
                      void act(
                        api.put(`${base}/members/${member.userId}/role`, {
                          body: { role: member.role === 'admin' ? 'member' : 'admin' },
                        }),
                      )
                    }
                  >
                    {t(
                      member.role === 'admin' ? 'groups.unmakeAdminShort' : 'groups.makeAdminShort',
                    )}
                  </button>
                  <ConfirmButton
                    label={t('groups.transferShort')}
                    name={t('groups.transfer', { name })}
                    question={t('groups.transferQuestion', { name })}
                    confirmLabel={t('groups.transferConfirm')}
                    cancelLabel={t('groups.cancel')}
                    onConfirm={() =>
                      void act(api.post(`${base}/transfer`, { body: { userId: member.userId } }))
                    }
                  />
                </>
              ) : null}
              {removable ? (
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('groups.remove', { name })}
                  onClick={() => void act(api.delete(`${base}/members/${member.userId}`))}
                >
                  {t('groups.removeShort')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
