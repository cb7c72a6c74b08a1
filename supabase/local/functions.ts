/**
 * LOCAL STACK ONLY. Runs the Edge Functions of supabase/functions/ under the real Deno binary (npm
 * package `deno`), as `supabase functions serve` would, and plays the part pg_cron + pg_net play on
 * Supabase for the notify function:
 *
 * - VAPID keys: a pair is made on first start and kept in the data folder (vapid.json, git-ignored;
 *   in memory for a memory database); the public key is written into app.settings
 *   (notifications.push_public_key), where push_public_key() reads it; the private key goes to the
 *   function's environment only.
 * - the function: `deno run` on supabase/functions/notify/index.ts, listening on 127.0.0.1 (the
 *   gateway serves it at /functions/v1/notify), with SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, the
 *   VAPID keys and LOCAL_OUTBOX_URL (every message is recorded on /_local/outbox/).
 * - the trigger: a short poll (every 250 ms) asks the database whether a message is due and, if so,
 *   calls the function with the service-role key; one call at a time, and again at once when rows
 *   arrived meanwhile. So a new outbox row is sent within about a second.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import webpush from 'web-push';
import { ROOT_DIR } from './config.ts';

export interface FunctionsOptions {
  databaseUrl: string;
  /** The stack's origin (SUPABASE_URL for the function). */
  publicUrl: string;
  serviceRoleKey: string;
  /** Where the function records messages (the local outbox). */
  outboxRecordUrl: string;
  /** Folder for vapid.json; none keeps the keys in memory. */
  dataDir?: string;
  /** Milliseconds between polls of the outbox; 250 by default. */
  pollMs?: number;
  /** Extra environment for the function (tests choose adapters). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface FunctionsRunner {
  /** The notify function's own URL (the gateway proxies /functions/v1/* here). */
  url: string;
  vapidPublicKey: string;
  /** Calls notify now (or once more after the current call); resolves when that call ended. */
  kick(): Promise<void>;
  stop(): Promise<void>;
}

/** The Deno binary: DENO_BIN, the platform package of the npm package deno, or its launcher. */
export function denoBinary(): string {
  if (process.env.DENO_BIN) return process.env.DENO_BIN;
  const exe = process.platform === 'win32' ? 'deno.exe' : 'deno';
  const candidates = [
    path.join(ROOT_DIR, 'node_modules/deno', exe),
    path.join(ROOT_DIR, `node_modules/@deno/${process.platform}-${process.arch}${process.platform === 'linux' ? '-glibc' : ''}`, exe),
  ];
  return candidates.find((file) => existsSync(file)) ?? 'deno';
}

function loadVapidKeys(dataDir: string | undefined): { publicKey: string; privateKey: string } {
  const file = dataDir ? path.join(dataDir, 'vapid.json') : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  const keys = webpush.generateVAPIDKeys();
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  return keys;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilListening(url: string, child: ChildProcess, timeoutMs: number, failed: () => Error | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const error = failed();
    if (error) throw new Error(`could not run Deno: ${error.message}`);
    if (child.exitCode !== null) throw new Error(`notify function exited with code ${child.exitCode}`);
    const ok = await fetch(url, { method: 'GET' }).then(() => true, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('notify function did not start in time');
}

export async function startFunctions(options: FunctionsOptions): Promise<FunctionsRunner> {
  const log = options.log ?? (() => {});
  const keys = loadVapidKeys(options.dataDir);
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  await db.query(
    `update app.settings set value = to_jsonb($1::text), updated_at = now() where key = 'notifications.push_public_key'`,
    [keys.publicKey],
  );

  const port = await freePort();
  const functionsDir = path.join(ROOT_DIR, 'supabase/functions');
  const child = spawn(
    denoBinary(),
    ['run', '--quiet', '--allow-net', '--allow-env', '--allow-read', '--config', path.join(functionsDir, 'notify/deno.json'),
      path.join(functionsDir, 'notify/index.ts')],
    {
      cwd: functionsDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DENO_NO_UPDATE_CHECK: '1',
        DENO_SERVE_ADDRESS: `tcp:127.0.0.1:${port}`,
        SUPABASE_URL: options.publicUrl,
        SUPABASE_SERVICE_ROLE_KEY: options.serviceRoleKey,
        VAPID_PUBLIC_KEY: keys.publicKey,
        VAPID_PRIVATE_KEY: keys.privateKey,
        VAPID_SUBJECT: 'mailto:local@example.org',
        SITE_URL: options.publicUrl,
        LOCAL_OUTBOX_URL: options.outboxRecordUrl,
        NOTIFY_BUDGET_MS: '10000',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let spawnError: Error | null = null;
  child.on('error', (error) => {
    spawnError = error;
  });
  child.stdout?.on('data', (chunk: Buffer) => log(`[notify] ${chunk.toString().trimEnd()}`));
  child.stderr?.on('data', (chunk: Buffer) => log(`[notify] ${chunk.toString().trimEnd()}`));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilListening(url, child, 60_000, () => spawnError);
  } catch (error) {
    child.kill('SIGKILL');
    await db.end();
    throw error;
  }

  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  async function callOnce(): Promise<void> {
    const response = await fetch(`${url}/notify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.serviceRoleKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const answer = await response.text();
    if (!response.ok) log(`[notify] HTTP ${response.status}: ${answer}`);
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await callOnce().catch((error: unknown) => log(`[notify] call failed: ${error instanceof Error ? error.message : String(error)}`));
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  // The poll: one cheap index look-up (notification_outbox_due_idx) per tick.
  let polling = false;
  const timer = setInterval(async () => {
    if (polling || running || stopped) return;
    polling = true;
    try {
      const due = await db.query(
        `select exists (select 1 from app.notification_outbox o
           where o.status in ('pending', 'sending') and o.next_attempt_at <= now()) as due`,
      );
      if (due.rows[0].due) void kick();
    } catch (error) {
      if (!stopped) log(`[notify] poll failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      polling = false;
    }
  }, options.pollMs ?? 250);
  timer.unref();

  return {
    url,
    vapidPublicKey: keys.publicKey,
    kick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      await db.end().catch(() => {});
    },
  };
}
