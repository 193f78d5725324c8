import type { Department } from '@carillon/protocol/organizations';
import { useTranslation } from 'react-i18next';
import { buildTree, type DepartmentNode } from './department-tree';

/** The department tree as nested lists of buttons; the chosen one is `aria-current`. */
export function DepartmentTree({
  departments,
  selected,
  onSelect,
}: {
  departments: Department[];
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const renderNodes = (nodes: DepartmentNode[]) => (
    <ul>
      {nodes.map(({ department, children }) => (
        <li key={department.id}>
          <button
            type="button"
            className="link-button"
            aria-current={selected === department.id ? 'true' : undefined}
            onClick={() => onSelect(department.id)}
          >
            {t('org.departmentWithCount', { name: department.name, count: department.memberCount })}
          </button>
          {children.length > 0 ? renderNodes(children) : null}
        </li>
      ))}
    </ul>
  );
  return (
    <nav aria-label={t('org.departments')} className="department-tree">
      <button
        type="button"
        className="link-button"
        aria-current={selected === null ? 'true' : undefined}
        onClick={() => onSelect(null)}
      >
        {t('org.everyone')}
      </button>
      {renderNodes(buildTree(departments))}
    </nav>
  );
}
