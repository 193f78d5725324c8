import { Conversation } from '@carillon/protocol/messaging';
import { OrgMember, type Department } from '@carillon/protocol/organizations';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../app/services';
import { useSession } from '../../session/session-context';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { pathName } from './department-tree';

/**
 * A colleague's card: what the directory lets me see (job number only for
 * those who manage them), and "Message", which opens the work chat with them
 * that the organization owns (no friendship needed; it ends if either leaves).
 */
export function MemberCard({
  organizationId,
  userId,
  departments,
  onClose,
}: {
  organizationId: string;
  userId: string;
  departments: Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const { account } = useSession();
  const navigate = useNavigate();
  const [member, setMember] = useState<OrgMember | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get(`/api/organizations/${organizationId}/members/${userId}`, { schema: OrgMember })
      .then(setMember, setError);
  }, [api, organizationId, userId]);

  const handleMessage = async () => {
    setError(null);
    try {
      const chat = await api.post('/api/conversations/direct', {
        body: { userId, organizationId },
        schema: Conversation,
      });
      void navigate(`/chats/${chat.id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  if (!member) return <ErrorMessage error={error} />;
  const rows: Array<[string, string | null | undefined]> = [
    [t('org.field.nickname'), member.nickname],
    [t('org.field.role'), t(`org.role.${member.role}`)],
    [t('org.field.position'), member.position],
    [
      t('org.field.departments'),
      member.departmentIds.map((id) => pathName(departments, id)).join(', ') || null,
    ],
    [t('org.field.officeEmail'), member.officeEmail],
    [t('org.field.officePhone'), member.officePhone],
    [t('org.field.jobNumber'), member.jobNumber],
  ];
  return (
    <article className="member-card stack" aria-labelledby="member-card-title">
      <h3 id="member-card-title">{member.name}</h3>
      <dl className="card-fields">
        {rows.map(([label, value]) =>
          value ? (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
      <ErrorMessage error={error} />
      <div className="button-row">
        {member.userId !== account?.id ? (
          <button
            type="button"
            aria-label={t('org.messageColleague', { name: member.name })}
            onClick={() => void handleMessage()}
          >
            {t('org.message')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={onClose}>
          {t('org.closeCard')}
        </button>
      </div>
    </article>
  );
}
