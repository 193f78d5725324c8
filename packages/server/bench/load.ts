/** How far one load loop may go: whichever of count or time runs out first ends it. */
export interface LoadLimits {
  count: number;
  concurrency: number;
  timeLimitMs: number;
}

/** What one bounded load loop observed. */
export interface LoadResult {
  /** One entry per completed task, in completion order. */
  latenciesMs: number[];
  elapsedMs: number;
  /** True when the time limit, not the count, ended the loop. */
  timedOut: boolean;
}

/**
 * Runs `task` up to `limits.count` times with `limits.concurrency` tasks in
 * flight (a closed loop: each worker starts its next task when the last one
 * ends), and starts no new task once the time limit has passed.
 */
export async function runBounded(
  task: (index: number) => Promise<void>,
  limits: LoadLimits,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const startedAt = performance.now();
  const deadline = startedAt + limits.timeLimitMs;
  let next = 0;
  async function worker(): Promise<void> {
    while (next < limits.count && performance.now() < deadline) {
      const index = next++;
      const taskStart = performance.now();
      await task(index);
      latenciesMs.push(performance.now() - taskStart);
    }
  }
  const workers = Math.max(1, Math.min(limits.concurrency, limits.count));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    latenciesMs,
    elapsedMs: performance.now() - startedAt,
    timedOut: latenciesMs.length < limits.count,
  };
}

/** Nearest-rank percentile (p in 0..100) of ascending values; NaN when empty. */
export function percentile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(Math.max(rank, 1), sortedAscending.length) - 1]!;
}

/** The middle value (mean of the two middle ones for an even count); NaN when empty. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Latency and throughput of one measured target, over one or more rounds. */
export interface LoadSummary {
  completed: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Median over rounds of completed tasks per second of wall time. */
  perSecond: number;
  timedOut: boolean;
}

/**
 * Pools the latencies of every round for the percentiles and mean, and takes
 * the median of the per-round rates, so one disturbed round moves it little.
 */
export function summarize(rounds: LoadResult[]): LoadSummary {
  const all = rounds.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  return {
    completed: all.length,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    meanMs: all.reduce((sum, v) => sum + v, 0) / all.length,
    perSecond: median(rounds.map((r) => (r.latenciesMs.length / r.elapsedMs) * 1000)),
    timedOut: rounds.some((r) => r.timedOut),
  };
}
