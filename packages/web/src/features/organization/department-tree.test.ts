import { describe, expect, it } from 'vitest';
import { buildTree, pathName, subtreeIds } from './department-tree';

const d = (id: string, name: string, parentId: string | null = null) => ({
  id,
  name,
  parentId,
  managerId: null,
  memberCount: 0,
  groupId: null,
});
const list = [
  d('s', 'Sales'),
  d('e', 'East', 's'),
  d('w', 'West', 's'),
  d('x', 'Shop', 'e'),
  d('a', 'Admin'),
];

describe('department tree', () => {
  it('nests departments under their parents, siblings by name', () => {
    const tree = buildTree(list);
    expect(tree.map((n) => n.department.name)).toEqual(['Admin', 'Sales']);
    expect(tree[1]!.children.map((n) => n.department.name)).toEqual(['East', 'West']);
    expect(tree[1]!.children[0]!.children[0]!.department.name).toBe('Shop');
  });

  it('knows a subtree (no move under itself) and a path name', () => {
    expect([...subtreeIds(list, 's')].sort()).toEqual(['e', 's', 'w', 'x']);
    expect(subtreeIds(list, 'a')).toEqual(new Set(['a']));
    expect(pathName(list, 'x')).toBe('Sales / East / Shop');
  });
});
