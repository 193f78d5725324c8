import { seedAccounts, type SeededAccount } from './fanout/seed-accounts';
import { expectStatus, type HttpClient } from './http-client';
import { BENCH_SECRET, type CarillonServer } from './server';

/** The directory bench's organization: 1,000 members in 50 departments. */
export const ORG_MEMBERS = 1_000;
export const ORG_DEPARTMENTS = 50;
/** Requests in flight while setting up; SQLite serializes the writes anyway. */
const SETUP_CONCURRENCY = 8;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛'];
const FIRST = [
  'Olivia',
  'Noah',
  'Aisha',
  'Ravi',
  'Mei',
  'Lucas',
  'Siti',
  'Daniel',
  'Priya',
  'Ethan',
];
const LAST = ['Tan', 'Lim', 'Ng', 'Wong', 'Kumar', 'Smith', 'Goh', 'Lee', 'Ong', 'Chua'];
const POSITIONS = [
  'Engineer',
  'Designer',
  'Accountant',
  'Sales Manager',
  'Technician',
  'Recruiter',
];

/**
 * Member i's name in the organization: two in five are Chinese (so pinyin
 * and initials matter: 张伟 is found by "zhangwei" and "zw"), the rest Latin.
 */
export function memberName(i: number): string {
  const k = Math.floor(i / 5);
  if (i % 5 < 2)
    return `${SURNAMES[k % SURNAMES.length]}${GIVEN[Math.floor(k / 10) % GIVEN.length]}`;
  return `${FIRST[i % FIRST.length]} ${LAST[k % LAST.length]}`;
}

/** Member i's office phone; the bench searches for one by its digits. */
export const officePhone = (i: number) => `+65 61${String(i).padStart(6, '0')}`;

/** The organization as set up, and the account that searches it. */
export interface BenchOrganization {
  id: string;
  admin: SeededAccount;
}

async function inParallel<T>(items: T[], each: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await each(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
}

/**
 * Creates the organization the way people would, over the REST API: the
 * first account creates it and 50 departments (10 at the top, 40 below
 * them), the other 999 join with a short code, and the administrator gives
 * every member a name, a position, an office phone and a department.
 * Accounts themselves are seeded in-process (seed-accounts.ts), since 1,000
 * argon2 sign-ups would take most of the time budget. Nothing here is measured.
 */
export async function setUpOrganization(
  carillon: CarillonServer,
  http: HttpClient,
): Promise<BenchOrganization> {
  const accounts = await seedAccounts(carillon.database, carillon.clock, BENCH_SECRET, ORG_MEMBERS);
  const admin = accounts[0]!;
  const headers = { authorization: `Bearer ${admin.token}` };
  const post = async (path: string, json: unknown, status: number, as = headers) =>
    JSON.parse(
      (await expectStatus(http.request('POST', path, { headers: as, json }), status, path)).text,
    ) as Record<string, string>;

  const id = (await post('/api/organizations', { name: 'Bench Works' }, 201)).id!;
  const base = `/api/organizations/${id}`;
  const departments: string[] = [];
  for (let i = 0; i < ORG_DEPARTMENTS; i++) {
    const parentId = i < 10 ? null : departments[i % 10]!;
    departments.push(
      (await post(`${base}/departments`, { name: `Department ${i}`, parentId }, 201)).id!,
    );
  }
  const { code } = await post(`${base}/invites`, { kind: 'code' }, 201);
  await inParallel(accounts.slice(1), async (member) => {
    await post('/api/organizations/join', { code }, 200, {
      authorization: `Bearer ${member.token}`,
    });
  });
  await inParallel(accounts, async (member, i) => {
    const path = `${base}/members/${member.userId}`;
    await expectStatus(
      http.request('PATCH', path, {
        headers,
        json: {
          name: memberName(i),
          position: POSITIONS[i % POSITIONS.length],
          officePhone: officePhone(i),
          departmentIds: [departments[i % ORG_DEPARTMENTS]!],
        },
      }),
      200,
      path,
    );
  });
  return { id, admin };
}
