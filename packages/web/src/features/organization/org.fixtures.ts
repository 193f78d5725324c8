/** Answers of the organization API shared by the organization component tests. */
export const me = '01900000-0000-7000-8000-000000000001';
export const zhang = '01900000-0000-7000-8000-000000000003';
export const org = '01900000-0000-7000-8000-0000000000c1';
export const sales = '01900000-0000-7000-8000-0000000000d1';

export const organization = (myRole = 'main_admin') => ({
  id: org,
  name: 'Harbour Works',
  location: null,
  industry: null,
  staffSize: null,
  certified: false,
  certifiedAt: null,
  memberCount: 2,
  myRole,
  createdAt: 1,
});

export const member = (userId: string, name: string, change: Record<string, unknown> = {}) => ({
  userId,
  name,
  nickname: name,
  role: 'member',
  position: null,
  departmentIds: [],
  officeEmail: null,
  officePhone: null,
  joinedAt: 1,
  ...change,
});

/** 张三 as an enterprise account of the organization. */
export const enterpriseAccount = (change: Record<string, unknown> = {}) => ({
  userId: zhang,
  organizationId: org,
  accountName: 'zhang.san',
  name: '张三',
  createdAt: Date.UTC(2026, 10, 1),
  disabledAt: null,
  ...change,
});

/**
 * A routed data-rights part as GET …/rights-requests serves it, from 张三;
 * `id` ends its id; open with 10 days left at `now` unless changed.
 */
export const routedPart = (id: string, now: number, change: Record<string, unknown> = {}) => ({
  id: `01900000-0000-7000-8000-0000000000${id}`,
  requestId: `01900000-0000-7000-8000-0000000001${id}`,
  organizationId: org,
  userId: zhang,
  memberName: '张三',
  kind: 'copy',
  asked: {},
  tables: ['organization_members', 'messages'],
  status: 'open',
  answer: null,
  refusalReason: null,
  createdAt: now - 20 * 86_400_000,
  answeredAt: null,
  deadlineAt: now + 10 * 86_400_000,
  daysLeft: 10,
  overdue: false,
  ...change,
});

export const departments = [
  { id: sales, parentId: null, name: 'Sales', managerId: null, memberCount: 1, groupId: null },
];

/** The routes every organization screen reads first. */
export const orgBasics = (myRole = 'main_admin') => ({
  [`GET /api/organizations`]: { body: { organizations: [organization(myRole)] } },
  [`GET /api/organizations/${org}`]: { body: organization(myRole) },
  [`GET /api/organizations/${org}/departments`]: { body: { departments } },
  [`GET /api/organizations/${org}/members`]: {
    body: {
      members: [member(me, 'Mei', { role: myRole }), member(zhang, '张三')],
      nextOffset: null,
    },
  },
});

export const notFound = { status: 404, body: { error: { id: 'not_found', message: 'none' } } };
