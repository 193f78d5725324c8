/** Who talks to whom in one scenario: each room lists its members as indexes into the accounts. */
export interface Scenario {
  label: string;
  rooms: number[][];
  /** One-to-one chats rather than groups. */
  direct: boolean;
  /** The first offered rate of the level search, in messages per second. */
  startRate: number;
  /** What Carillon must reach as a fraction of the bare server (from the issue). */
  target: { of: 'deliveries/s' | 'messages/s'; ratio: number };
}

/** Accounts the scenarios use at most; every one holds an open WebSocket throughout. */
export const ACCOUNTS = 1_000;

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const roomTarget = { of: 'deliveries/s', ratio: 0.64 } as const;

/** The four scenarios of the issue, smallest fan-out last. */
export const scenarios: Scenario[] = [
  {
    label: '1 room × 100',
    rooms: [range(0, 100)],
    direct: false,
    startRate: 15,
    target: roomTarget,
  },
  {
    label: '10 rooms × 50',
    rooms: range(0, 10).map((room) => range(room * 50, 50)),
    direct: false,
    startRate: 30,
    target: roomTarget,
  },
  {
    label: '1 room × 1,000',
    rooms: [range(0, ACCOUNTS)],
    direct: false,
    startRate: 2,
    target: roomTarget,
  },
  {
    label: '1:1 × 200 users',
    rooms: range(0, 100).map((pair) => [pair * 2, pair * 2 + 1]),
    direct: true,
    startRate: 75,
    target: { of: 'messages/s', ratio: 0.5 },
  },
];

/** How long the search may take: `BENCH_FANOUT=quick` (the default), `full` or `off`. */
export interface SearchLimits {
  levelMs: number;
  /** Each level offers this many times the rate of the last. */
  growth: number;
  maxLevels: number;
  /** Halvings (geometric) of the gap between the last pass and the first failure. */
  refineSteps: number;
}

/** The limits for a BENCH_FANOUT value, or undefined for `off`. */
export function searchLimits(mode = process.env.BENCH_FANOUT ?? 'quick'): SearchLimits | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'full') return { levelMs: 4_000, growth: 1.5, maxLevels: 14, refineSteps: 3 };
  if (mode === 'quick') return { levelMs: 2_000, growth: 1.5, maxLevels: 14, refineSteps: 2 };
  throw new Error(`BENCH_FANOUT must be quick, full or off, not "${mode}"`);
}
