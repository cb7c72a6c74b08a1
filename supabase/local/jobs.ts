/**
 * LOCAL STACK ONLY. Runs the database's periodic jobs, as pg_cron does on Supabase: every interval
 * it calls `app.run_scheduled_jobs()` when a migration has defined it (migration
 * 20261128001400_scheduled_jobs.sql), one run at a time. A failing run is logged and the next
 * one tried; nothing else depends on it.
 */
import pg from 'pg';

export interface JobRunnerOptions {
  /** Superuser connection string of the stack's database. */
  databaseUrl: string;
  /** Time between runs; 60 s by default. */
  intervalMs?: number;
  log?: (line: string) => void;
}

export interface JobRunner {
  /** Runs the jobs now (skipped while a run is in progress); resolves with what they reported. */
  runNow(): Promise<unknown>;
  stop(): Promise<void>;
}

export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const log = options.log ?? (() => {});
  let running: Promise<unknown> | null = null;
  let stopped = false;

  async function runOnce(): Promise<unknown> {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      const present = await client.query(
        "select to_regprocedure('app.run_scheduled_jobs()') is not null as present",
      );
      if (!present.rows[0].present) return null;
      const result = await client.query('select app.run_scheduled_jobs() as result');
      return result.rows[0].result;
    } finally {
      await client.end();
    }
  }

  function runNow(): Promise<unknown> {
    if (stopped) return Promise.resolve(null);
    running ??= runOnce()
      .then((result) => {
        const escalation = (result as { escalation?: { moved?: number; pooled?: number } } | null)?.escalation;
        if (escalation && (escalation.moved || escalation.pooled)) {
          log(`[jobs] escalation: ${escalation.moved ?? 0} moved to another team, ${escalation.pooled ?? 0} to the province pool`);
        }
        return result;
      })
      .catch((error: unknown) => {
        log(`[jobs] scheduled jobs failed: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void runNow(), options.intervalMs ?? 60_000);
  timer.unref();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
