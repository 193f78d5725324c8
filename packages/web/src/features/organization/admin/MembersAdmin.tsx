import { OrgMemberPage, type Department, type OrgMember } from '@carillon/protocol/organizations';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../../app/services';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { MemberEditor } from './MemberEditor';
import { RoleEditor } from './RoleEditor';

/** Members: each one's organization details and departments, role and scope, or removal. */
export function MembersAdmin({
  organizationId,
  departments,
  isMainAdmin,
  onChanged,
}: {
  organizationId: string;
  departments: Department[];
  isMainAdmin: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const [query, setQuery] = useState('');
  const [members, setMembers] = useState<OrgMember[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = query.trim();

  const load = useCallback(async () => {
    try {
      const page = await api.get(`/api/organizations/${organizationId}/members`, {
        query: { q: q || undefined, limit: 100 },
        schema: OrgMemberPage,
      });
      setMembers(page.members);
    } catch (failure) {
      setError(failure);
    }
  }, [api, organizationId, q]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = async () => {
    await load();
    await onChanged();
  };

  return (
    <section aria-labelledby="members-admin" className="stack">
      <h2 id="members-admin">{t('org.membersAdmin')}</h2>
      <div className="field" role="search">
        <label htmlFor="members-admin-search">{t('org.search')}</label>
        <input
          id="members-admin-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <ErrorMessage error={error} />
      <ul className="people-list" aria-label={t('org.membersLabel')}>
        {members.map((member) => (
          <li key={member.userId} className="stack">
            <span className="person-name">{member.name}</span>
            <span className="hint">{t(`org.role.${member.role}`)}</span>
            <button
              type="button"
              className="secondary"
              aria-expanded={editing === member.userId}
              aria-label={t('org.manageMember', { name: member.name })}
              onClick={() => setEditing(editing === member.userId ? null : member.userId)}
            >
              {t('org.manage')}
            </button>
            {editing === member.userId ? (
              <>
                <MemberEditor
                  organizationId={organizationId}
                  member={member}
                  departments={departments}
                  onChanged={changed}
                />
                {member.role !== 'main_admin' ? (
                  <RoleEditor
                    organizationId={organizationId}
                    member={member}
                    departments={departments}
                    isMainAdmin={isMainAdmin}
                    onChanged={changed}
                  />
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
