import type { LoadSummary } from './load';

/** One line of the printed table; a missing key prints as an empty cell. */
type Row = Record<string, number>;

const round2 = (value: number) => Math.round(value * 100) / 100;

function row(summary: LoadSummary, concurrency: number): Row {
  return {
    n: summary.completed,
    concurrency,
    'p50 ms': round2(summary.p50Ms),
    'p99 ms': round2(summary.p99Ms),
    'mean ms': round2(summary.meanMs),
    'per second':
      summary.perSecond >= 100 ? Math.round(summary.perSecond) : round2(summary.perSecond),
  };
}

/** The figures to print, already measured. */
export interface BenchFigures {
  flow: LoadSummary;
  flowConcurrency: number;
  authenticated: LoadSummary;
  bare: LoadSummary;
  concurrency: number;
}

/** Row labels; bench/README.md describes each. */
const rowLabels = {
  flow: 'register + login flows',
  authenticated: 'GET /api/profile (Bearer)',
  bare: 'bare Fastify GET',
} as const;

/**
 * Rows keyed by what they measure. The ratio columns divide authenticated by
 * bare: a p50 ratio above 1 is added latency, a rate ratio below 1 is lost throughput.
 */
export function tableRows(f: BenchFigures): Record<string, Row> {
  return {
    [rowLabels.flow]: row(f.flow, f.flowConcurrency),
    [rowLabels.authenticated]: {
      ...row(f.authenticated, f.concurrency),
      'p50 ÷ bare': round2(f.authenticated.p50Ms / f.bare.p50Ms),
      'rate ÷ bare': round2(f.authenticated.perSecond / f.bare.perSecond),
    },
    [rowLabels.bare]: { ...row(f.bare, f.concurrency), 'p50 ÷ bare': 1, 'rate ÷ bare': 1 },
  };
}

/** The line above the table: what ran where, and how to read the numbers. */
export function headerLine(dialect: string, rounds: number): string {
  const database =
    dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'SQLite (fresh temporary file)';
  return [
    `Carillon bench: Node ${process.version}, database ${database}, loopback HTTP/1.1 keep-alive.`,
    `Figures are medians of the run: p50 is the median latency; per-second rates are the median of ${rounds} alternating rounds.`,
  ].join('\n');
}

/** A warning for every row whose loop hit its time cap before its count, else nothing. */
export function timeCapNotes(f: BenchFigures): string[] {
  const capped = [
    [rowLabels.flow, f.flow],
    [rowLabels.authenticated, f.authenticated],
    [rowLabels.bare, f.bare],
  ] as const;
  return capped
    .filter(([, summary]) => summary.timedOut)
    .map(([label]) => `note: "${label}" stopped at its time cap; n is below the planned count.`);
}
