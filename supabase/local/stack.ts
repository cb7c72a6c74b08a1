/**
 * The whole local stack in one call, shared by `npm start` and the tests:
 * database (embedded PGlite, or a fresh database on a PostgreSQL server) → migrations and seed →
 * PostgREST → auth stand-in → one HTTP origin (site + /rest/v1 + /auth/v1 + /functions/v1) →
 * the Edge Functions under Deno with the local outbox (when `functions` is on).
 */
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { SignJWT } from 'jose';
import { LOCAL_JWT_SECRET, ROOT_DIR } from './config.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { syncGuideCodesSql } from './guide-codes.ts';
import { startPostgrest } from './postgrest.ts';
import { createAuthStandIn } from './auth-standin.ts';
import { startGateway } from './gateway.ts';
import { startJobRunner } from './jobs.ts';
import { cleanUpLeftovers } from './supervise.ts';
import { rmSync } from 'node:fs';
import { startFunctions, type FunctionsRunner } from './functions.ts';
import { startLocalOutbox, type LocalOutbox } from './outbox.ts';
import { LOCAL_ANON_KEY } from '../../src/lib/api/local-keys.ts';

export interface StackOptions {
  /** Port of the single origin; 0 picks a free one. */
  port?: number;
  /**
   * Where the data lives: 'memory' (PGlite in memory), a folder path (PGlite persisted there), or
   * `{ postgresUrl }` to create a fresh temporary database on that PostgreSQL server (dropped at stop).
   */
  database?: 'memory' | { dataDir: string } | { postgresUrl: string };
  /** Load supabase/seed.sql (demo data) into a new database. */
  seed?: boolean;
  /** Folder of the built site. */
  siteDir?: string;
  /** Access-token lifetime of the auth stand-in, in seconds. */
  jwtExpiry?: number;
  /**
   * The periodic database jobs (`app.run_scheduled_jobs()`, pg_cron's work on Supabase): every
   * 60 s by default, or every `intervalMs`; `false` turns them off (the db tests call the job
   * functions themselves, with time under their control).
   */
  jobs?: false | { intervalMs?: number };
  log?: (line: string) => void;
  onCodeSent?: (email: string, code: string) => void;
  verbose?: boolean;
  /**
   * Called when a child process (PostgREST) keeps dying and is not restarted any more
   * (supabase/local/supervise.ts); `npm start` stops and exits non-zero. Default: log it.
   */
  onFatal?: (error: Error) => void;
  /**
   * Where the stack records its child processes, so that the next start stops one a crash left
   * running. Default: `<dataDir>.pids.json` beside a persisted PGlite folder; none otherwise.
   */
  pidFile?: string;
  /**
   * The Edge Functions (supabase/functions/notify under Deno, called within a second of a new
   * outbox row) and the local outbox page. Off by default; `npm start` and the e2e server turn it
   * on. `dataDir` keeps the VAPID keys; `env` adds to the function's environment (tests choose
   * adapters there).
   */
  functions?: boolean | { dataDir?: string; env?: Record<string, string>; pollMs?: number };
}

export interface Stack {
  /** The single origin, e.g. http://localhost:4321 */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Superuser connection string to the stack's database (tests inspect tables with it). */
  databaseUrl: string;
  /** PostgREST itself, without the gateway in front (benchmarks compare both). */
  postgrestUrl: string;
  /** 'pglite' or 'postgres' */
  backend: 'pglite' | 'postgres';
  /** Process id of the running PostgREST (it changes when PostgREST is restarted). */
  postgrestPid(): number | undefined;
  mailbox(): { email: string; code: string; sentAt: Date }[];
  /** The local outbox (with `functions` on): messages sent and sign-in codes, newest first. */
  outbox: LocalOutbox | null;
  /** The Edge Functions runner (with `functions` on). */
  functions: FunctionsRunner | null;
  reloadSchema(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * In-memory databases of this process, as they were just after the migrations (and the seed), one
 * per seed choice. PGlite's initdb and the migrations are most of a stack's start (several seconds
 * of CPU); the e2e specs and db tests that start a stack of their own each start one in the same
 * few processes (issue 17). A later in-memory stack starts from the copy; migrate() still runs on
 * it and finds nothing to apply.
 */
const migratedMemoryDatabases = new Map<boolean, Blob>();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Creates a uniquely named database on a PostgreSQL server; returns its URL and a dropper. */
async function createTemporaryDatabase(serverUrl: string) {
  const name = `tgs_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const authenticatorUrl = new URL(url);
  authenticatorUrl.username = 'authenticator';
  authenticatorUrl.password = '';
  return {
    url: url.toString(),
    authenticatorUrl: authenticatorUrl.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  const choice = options.database ?? 'memory';
  const pidFile = options.pidFile ?? (typeof choice === 'object' && 'dataDir' in choice ? `${choice.dataDir}.pids.json` : undefined);
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
    if (pidFile) {
      try {
        rmSync(pidFile, { force: true });
      } catch {
        // an unwritable folder: nothing was recorded there
      }
    }
  };

  try {
    // A PostgREST left running by a stack that crashed (kill -9, power cut of the terminal).
    if (pidFile) for (const line of cleanUpLeftovers(pidFile)) log(line);
    let databaseUrl: string;
    let authenticatorUrl: string;
    let backend: Stack['backend'];
    let embedded: EmbeddedDatabase | undefined;
    if (typeof choice === 'object' && 'postgresUrl' in choice) {
      const temporary = await createTemporaryDatabase(choice.postgresUrl);
      stops.push(temporary.drop);
      ({ url: databaseUrl, authenticatorUrl } = temporary);
      backend = 'postgres';
    } else {
      const copy = choice === 'memory' ? migratedMemoryDatabases.get(Boolean(options.seed)) : undefined;
      embedded = await startEmbeddedDatabase({
        dataDir: choice === 'memory' ? undefined : choice.dataDir,
        loadDataDir: copy,
      });
      stops.push(embedded.stop);
      ({ url: databaseUrl, authenticatorUrl } = embedded);
      backend = 'pglite';
    }
    log(`Database: ${backend === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}; applying migrations…`);
    await migrate({ databaseUrl, seed: options.seed, log });
    if (choice === 'memory' && embedded && !migratedMemoryDatabases.has(Boolean(options.seed))) {
      migratedMemoryDatabases.set(Boolean(options.seed), await embedded.dump());
    }
    log(`  the database knows ${await syncGuideCodesSql(databaseUrl)} guide codes (content/guides)`);

    if (options.jobs !== false) {
      const jobs = startJobRunner({ databaseUrl, intervalMs: options.jobs?.intervalMs, log });
      stops.push(jobs.stop);
    }

    const postgrest = await startPostgrest({
      databaseUrl: authenticatorUrl,
      jwtSecret: LOCAL_JWT_SECRET,
      port: await freePort(),
      sharedSession: backend === 'pglite',
      verbose: options.verbose,
      log: (line) => (options.log ?? console.error)(line),
      onGiveUp: options.onFatal ?? ((error) => console.error(error.message)),
      pidFile,
    });
    stops.push(postgrest.stop);

    let publicUrl = '';
    let outbox: LocalOutbox | null = null;
    let functions: FunctionsRunner | null = null;
    if (options.functions) {
      outbox = await startLocalOutbox();
      stops.push(outbox.stop);
    }
    const auth = await createAuthStandIn({
      databaseUrl,
      jwtSecret: LOCAL_JWT_SECRET,
      get publicUrl() {
        return publicUrl;
      },
      jwtExpiry: options.jwtExpiry,
      onCodeSent: (email, code) => {
        outbox?.add({ channel: 'auth', to: email, subject: null, text: `Mã đăng nhập: ${code}`, payload: null,
          status: 'sent', error: null, template: 'sign_in_code' });
        options.onCodeSent?.(email, code);
      },
    });
    stops.push(auth.close);

    const gateway = await startGateway({
      port: options.port ?? 0,
      postgrestUrl: postgrest.url,
      auth,
      siteDir: path.resolve(ROOT_DIR, options.siteDir ?? 'dist'),
      log: options.log,
      outbox: outbox ?? undefined,
      functionsUrl: () => functions?.url ?? null,
    });
    stops.push(gateway.stop);
    publicUrl = gateway.url;

    const serviceRoleKey = await new SignJWT({ role: 'service_role', iss: 'supabase-demo' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime('10y')
      .sign(new TextEncoder().encode(LOCAL_JWT_SECRET));

    if (options.functions && outbox) {
      const settings = typeof options.functions === 'object' ? options.functions : {};
      try {
        functions = await startFunctions({
          databaseUrl,
          publicUrl,
          serviceRoleKey,
          outboxRecordUrl: outbox.recordUrl,
          dataDir: settings.dataDir,
          env: settings.env,
          pollMs: settings.pollMs,
          log,
        });
        // Stopped before the gateway and PostgREST (stops run in reverse).
        stops.push(functions.stop);
      } catch (error) {
        // The portal works without it; notifications then wait in the outbox.
        log(`[notify] the notify function did not start (${error instanceof Error ? error.message : String(error)}): notifications wait in the outbox. Set DENO_BIN to a Deno 2 binary to run it.`);
      }
    }

    return {
      url: gateway.url,
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey,
      databaseUrl,
      postgrestUrl: postgrest.url,
      backend,
      postgrestPid: () => postgrest.process.pid,
      mailbox: auth.mailbox,
      outbox,
      functions,
      reloadSchema: postgrest.reloadSchema,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
