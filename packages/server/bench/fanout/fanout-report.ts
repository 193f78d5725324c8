import type { LevelResult } from './level';
import { P99_LIMIT_MS } from './level';
import type { Scenario, SearchLimits } from './scenarios';
import type { SearchResult } from './search';

type Cell = number | string;

/** Both servers' searches for one scenario. */
export interface ScenarioFigures {
  scenario: Scenario;
  carillon: SearchResult;
  bare: SearchResult;
}

const whole = (value: number) => (Number.isFinite(value) ? Math.round(value) : '–');
const oneDecimal = (value: number) => (Number.isFinite(value) ? Math.round(value * 10) / 10 : '–');
const twoDecimals = (value: number) =>
  Number.isFinite(value) ? Math.round(value * 100) / 100 : '–';

function levelCells(best: LevelResult | undefined, failed: LevelResult | undefined) {
  return {
    'msg/s': whole(best?.messagesPerSecond ?? Number.NaN),
    'deliveries/s': whole(best?.deliveriesPerSecond ?? Number.NaN),
    'p50 ms': oneDecimal(best?.p50Ms ?? Number.NaN),
    'p99 ms': oneDecimal(best?.p99Ms ?? Number.NaN),
    'CPU µs/delivery': oneDecimal(best?.cpuMicrosPerDelivery ?? Number.NaN),
    'next level failed': failed
      ? `${whole(failed.offeredRate)} msg/s: ${failed.failure}`
      : 'none (level cap)',
  };
}

/** Carillon's figure over the bare server's, on the metric the scenario's target names. */
function ratio(f: ScenarioFigures): number {
  const metric = (r: SearchResult) =>
    f.scenario.target.of === 'deliveries/s'
      ? (r.best?.deliveriesPerSecond ?? 0)
      : (r.best?.messagesPerSecond ?? 0);
  return metric(f.carillon) / metric(f.bare);
}

/**
 * Carillon's CPU per delivery over the bare server's at the same offered rate
 * (the highest both passed): the cost ratio without the bias of comparing a
 * busy server with a quiet one, since `ws` batches writes and so costs less
 * per frame under load.
 */
function cpuRatioAtSameRate(f: ScenarioFigures): number {
  let best: [LevelResult, LevelResult] | undefined;
  for (const ours of f.carillon.passed) {
    const bare = f.bare.passed.find((level) => level.offeredRate === ours.offeredRate);
    if (bare && (!best || ours.offeredRate > best[0].offeredRate)) best = [ours, bare];
  }
  return best ? best[0].cpuMicrosPerDelivery / best[1].cpuMicrosPerDelivery : Number.NaN;
}

/** Two rows per scenario, Carillon then bare; the ratio and target sit on Carillon's row. */
export function fanoutRows(figures: ScenarioFigures[]): Record<string, Record<string, Cell>> {
  const rows: Record<string, Record<string, Cell>> = {};
  for (const f of figures) {
    const r = ratio(f);
    rows[`${f.scenario.label} · Carillon`] = {
      ...levelCells(f.carillon.best, f.carillon.failed),
      '÷ bare': twoDecimals(r),
      'CPU ÷ bare, same rate': oneDecimal(cpuRatioAtSameRate(f)),
      target: `≥ ${f.scenario.target.ratio} × ${f.scenario.target.of}`,
      met: r >= f.scenario.target.ratio ? 'yes' : 'NO',
    };
    rows[`${f.scenario.label} · bare`] = levelCells(f.bare.best, f.bare.failed);
  }
  return rows;
}

/** The lines above the table: how levels were run and what a pass means. */
export function fanoutHeader(mode: string, limits: SearchLimits, synchronous: number[]): string {
  return [
    `Fan-out bench (BENCH_FANOUT=${mode}): levels of ${limits.levelMs / 1000} s, offered rate ×${limits.growth} per level, ` +
      `then ${limits.refineSteps} geometric halvings of the last step; ` +
      `a level passes when every delivery arrives and p99 ≤ ${P99_LIMIT_MS} ms.`,
    `Servers in child processes on loopback, SQLite WAL with synchronous=${synchronous.join('/')} (Carillon/bare); ` +
      'generator and 1,000 WebSocket clients in this process. Rows show the highest passing level.',
  ].join('\n');
}

/** The line under the table: connecting and joining 1,000 clients to each server. */
export function connectLine(count: number, carillonMs: number, bareMs: number): string {
  return (
    `connect + join ${count.toLocaleString('en')} clients (50 at a time, until each has its ready frame): ` +
    `Carillon ${Math.round(carillonMs)} ms, bare ${Math.round(bareMs)} ms (${twoDecimals(carillonMs / bareMs)}×)`
  );
}
