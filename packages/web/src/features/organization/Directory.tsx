import { OrgMemberPage, type Department, type OrgMember } from '@carillon/protocol/organizations';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DepartmentTree } from './DepartmentTree';
import { MemberCard } from './MemberCard';

/**
 * The directory: browse a department of the tree, or search everyone by
 * name (also pinyin and initials: "zhangsan", "zs" find 张三), nickname,
 * position or office phone. A member opens as a card.
 */
export function Directory({
  organizationId,
  departments,
}: {
  organizationId: string;
  departments: Department[];
}) {
  const { t } = useTranslation();
  const { api } = useServices();
  const searchId = useId();
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [members, setMembers] = useState<OrgMember[]>([]);
  const [nextOffset, setNextOffset] = useState<number | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = query.trim();

  const load = async (offset: number) => {
    const page = await api.get(`/api/organizations/${organizationId}/members`, {
      query: {
        q: q || undefined,
        departmentId: q ? undefined : (departmentId ?? undefined),
        offset,
        limit: 50,
      },
      schema: OrgMemberPage,
    });
    setMembers((list) => (offset === 0 ? page.members : [...list, ...page.members]));
    setNextOffset(page.nextOffset);
    setError(null);
  };

  useEffect(() => {
    // A short pause after typing, so a search runs once per word rather than per key.
    const timer = setTimeout(() => void load(0).catch(setError), q ? 250 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, organizationId, departmentId, q]);

  const departmentName = departments.find((d) => d.id === departmentId)?.name;
  return (
    <div className="directory">
      <DepartmentTree
        departments={departments}
        selected={departmentId}
        onSelect={setDepartmentId}
      />
      <section aria-labelledby={`${searchId}-title`} className="stack">
        <h2 id={`${searchId}-title`}>
          {q ? t('org.searchResults') : (departmentName ?? t('org.everyone'))}
        </h2>
        <div role="search" className="field">
          <label htmlFor={searchId}>{t('org.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            maxLength={50}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <ErrorMessage error={error} />
        {members.length === 0 ? <p className="hint">{t('org.noMembers')}</p> : null}
        <ul className="people-list" aria-label={t('org.membersLabel')}>
          {members.map((member) => (
            <li key={member.userId}>
              <button
                type="button"
                className="link-button"
                aria-expanded={open === member.userId}
                onClick={() => setOpen(open === member.userId ? null : member.userId)}
              >
                {member.name}
              </button>
              <span className="hint">{member.position ?? ''}</span>
            </li>
          ))}
        </ul>
        {nextOffset !== null ? (
          <button
            type="button"
            className="secondary"
            onClick={() => void load(nextOffset).catch(setError)}
          >
            {t('org.more')}
          </button>
        ) : null}
        {open ? (
          <MemberCard
            organizationId={organizationId}
            userId={open}
            departments={departments}
            onClose={() => setOpen(null)}
          />
        ) : null}
      </section>
    </div>
  );
}
