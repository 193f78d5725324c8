import type { HttpClient } from './http-client';
import { percentile, runBounded, type LoadLimits, type LoadResult } from './load';
import { officePhone, setUpOrganization, ORG_DEPARTMENTS, ORG_MEMBERS } from './org-setup';
import type { CarillonServer } from './server';

const CONCURRENCY = 16;
const WARM_UP: LoadLimits = { count: 200, concurrency: CONCURRENCY, timeLimitMs: 10_000 };
/** 3 rounds of 300 per row, every row once per round in turn, so drift hits all alike. */
const ROUNDS = 3;
const ROUND: LoadLimits = { count: 300, concurrency: CONCURRENCY, timeLimitMs: 8_000 };

/** The searches, each as a member would type it; bench/README.md describes them. */
export const DIRECTORY_QUERIES = {
  name: 'Tan',
  'pinyin full': 'zhangwei',
  'pinyin initials': 'zw',
  position: 'engineer',
  phone: officePhone(421).replace(/\D/g, '').slice(-7),
} as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

interface Pooled {
  n: number;
  p50: number;
  p95: number;
  timedOut: boolean;
  matches: number;
}

function pool(rounds: LoadResult[], matches: number): Pooled {
  const all = rounds.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  return {
    n: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    timedOut: rounds.some((r) => r.timedOut),
    matches,
  };
}

/**
 * Directory search on an organization of 1,000 members in 50 departments
 * (ISSUE 5 "done means"), next to `GET /api/profile` measured in the same
 * rounds: the ratio is the cost of a search over an authenticated read.
 */
export async function runDirectoryBench(carillon: CarillonServer, http: HttpClient) {
  process.stderr.write(`setting up an organization of ${ORG_MEMBERS} members…\n`);
  const startedAt = performance.now();
  const org = await setUpOrganization(carillon, http);
  const setupSeconds = (performance.now() - startedAt) / 1000;
  const headers = { authorization: `Bearer ${org.admin.token}` };
  const found = new Map<string, number>();
  const get = (path: string, label: string) => async () => {
    const response = await http.request('GET', path, { headers });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    if (!found.has(label)) found.set(label, (JSON.parse(response.text).members ?? []).length);
  };
  const targets: [string, () => Promise<void>][] = [
    ['GET /api/profile (Bearer)', get('/api/profile', 'profile')],
    ...Object.entries(DIRECTORY_QUERIES).map(
      ([label, q]) =>
        [
          `directory: ${label}`,
          get(`/api/organizations/${org.id}/members?q=${encodeURIComponent(q)}&limit=50`, label),
        ] as [string, () => Promise<void>],
    ),
  ];
  process.stderr.write('warming up the directory…\n');
  for (const [, task] of targets) await runBounded(task, WARM_UP);
  const results = new Map<string, LoadResult[]>(targets.map(([label]) => [label, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`directory round ${round} of ${ROUNDS}…\n`);
    for (const [label, task] of targets) results.get(label)!.push(await runBounded(task, ROUND));
  }
  const labels = targets.map(([label]) => label);
  const pooled = labels.map((label, i) => {
    const key = i === 0 ? 'profile' : Object.keys(DIRECTORY_QUERIES)[i - 1]!;
    return [label, pool(results.get(label)!, found.get(key) ?? 0)] as const;
  });
  const baseline = pooled[0]![1];
  const rows = Object.fromEntries(
    pooled.map(([label, p], i) => [
      label,
      {
        n: p.n,
        concurrency: CONCURRENCY,
        ...(i === 0 ? {} : { 'hits (≤50)': p.matches }),
        'p50 ms': round2(p.p50),
        'p95 ms': round2(p.p95),
        'p50 ÷ profile': round2(p.p50 / baseline.p50),
        'p95 ÷ profile': round2(p.p95 / baseline.p95),
      },
    ]),
  );
  console.log(
    `Directory search: ${ORG_MEMBERS} members in ${ORG_DEPARTMENTS} departments (two in five with Chinese names), set up over the API in ${round2(setupSeconds)} s; ${ROUNDS} rounds, every row once per round.`,
  );
  console.table(rows);
  for (const [label, p] of pooled)
    if (p.timedOut)
      console.log(`note: "${label}" stopped at its time cap; n is below the planned count.`);
}
