/** Anything with due jobs to run: account erasures, organization dissolutions, deadline reminders. */
export interface DueJobs {
  /** Runs the jobs that are due now; returns how many ran. */
  runDue(onError: (error: unknown) => void): Promise<number>;
}

/** How often a loop looks for due jobs unless told otherwise. */
export const DUE_JOBS_POLL_MS = 1_000;

/** A running loop; `stop` waits for the pass in flight to finish. */
export interface DueJobsLoop {
  stop(): Promise<void>;
}

/**
 * Runs due jobs (account erasures, organization dissolutions, reminders of
 * routed parts' deadlines) in the background, one pass at a time. Started
 * by main.ts; every node may run one, since jobs are claimed with a lease.
 * Timers only pace the loop: whether a job is due is the Clock's decision.
 */
export function startDueJobsLoop(
  jobs: DueJobs,
  options: { intervalMs?: number; onError: (error: unknown) => void },
): DueJobsLoop {
  const intervalMs = options.intervalMs ?? DUE_JOBS_POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      await jobs.runDue(options.onError);
    } catch (error) {
      options.onError(error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
