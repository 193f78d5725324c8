import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GroupAddPeople } from './GroupAddPeople';
import { GroupDetails } from './GroupDetails';
import { GroupInvite } from './GroupInvite';
import { GroupMembers } from './GroupMembers';
import { GroupMyActions } from './GroupMyActions';
import { JoinRequests } from './JoinRequests';
import { canManage, useGroup } from './use-group';

/** `/groups/:groupId`: everything about one group, with the actions the caller's role allows. */
export function GroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const { account } = useSession();
  const { group, members, error, gone, reload } = useGroup(groupId);
  if (gone && !group)
    return (
      <section className="page stack">
        <ErrorMessage error={error} />
        <Link to="/groups">{t('groups.back')}</Link>
      </section>
    );
  if (!group || !account) return <p role="status">{t('app.loading')}</p>;
  const manager = canManage(group.role);
  return (
    <div className="page stack">
      <header className="conversation-header">
        <Link to="/groups">{t('groups.back')}</Link>
        <h1>{group.name}</h1>
        <Link to={`/chats/${group.id}`}>{t('groups.openChat')}</Link>
      </header>
      <div className="contacts-grid">
        <div className="stack">
          <GroupDetails group={group} onChanged={reload} />
          <GroupMembers group={group} members={members} myId={account.id} onChanged={reload} />
        </div>
        <div className="stack">
          {group.orgGroup === null ? (
            <GroupAddPeople groupId={group.id} members={members} onChanged={reload} />
          ) : null}
          {manager ? <GroupInvite groupId={group.id} /> : null}
          {manager && group.joinApproval ? (
            <JoinRequests groupId={group.id} onChanged={reload} />
          ) : null}
          <GroupMyActions group={group} onChanged={reload} />
        </div>
      </div>
    </div>
  );
}
