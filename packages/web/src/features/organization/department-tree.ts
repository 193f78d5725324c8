import type { Department } from '@carillon/protocol/organizations';

/** A department with its sub-departments, as the tree view draws it. */
export interface DepartmentNode {
  department: Department;
  children: DepartmentNode[];
}

/** Builds the tree from the flat list (`parentId` null is the top), siblings by name. */
export function buildTree(departments: Department[]): DepartmentNode[] {
  const nodes = new Map(
    departments.map((d) => [d.id, { department: d, children: [] as DepartmentNode[] }]),
  );
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort((a, b) => a.department.name.localeCompare(b.department.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The ids of `id` and everything under it: where a department may not be moved. */
export function subtreeIds(departments: Department[], id: string): Set<string> {
  const inside = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments)
      if (d.parentId && inside.has(d.parentId) && !inside.has(d.id)) {
        inside.add(d.id);
        grew = true;
      }
  }
  return inside;
}

/** "Sales / East" for a department, for pickers that show a flat list. */
export function pathName(departments: Department[], id: string): string {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const names: string[] = [];
  for (
    let d = byId.get(id);
    d && names.length < 50;
    d = d.parentId ? byId.get(d.parentId) : undefined
  )
    names.unshift(d.name);
  return names.join(' / ');
}
