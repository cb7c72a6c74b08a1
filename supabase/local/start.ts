/**
 * `npm start`: runs the whole portal on this machine with the embedded stack.
 *
 *   node supabase/local/start.ts [--reset] [--memory] [--data-dir DIR] [--port N] [--site-dir DIR]
 *
 * --reset deletes the local database (supabase/local/.data) first; --memory keeps the database in
 * memory only (the e2e tests use it); --data-dir keeps it in another folder; --site-dir serves
 * another build than dist/; PORT also sets the port. If PostgREST keeps dying (supervise.ts), the
 * stack stops and exits with status 1.
 * Ctrl-C stops PostgREST, the socket server and PGlite; nothing is left running.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, DEFAULT_PORT } from './config.ts';
import { startStack } from './stack.ts';
import { PortBusyError } from './gateway.ts';
import { MigrationError, MigrationHistoryError } from './migrate.ts';
import { builtSiteOrigin } from './site-origin.ts';
import { DataFolderError } from './database.ts';
import { StackRunningError } from './supervise.ts';

const { values: flags } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    'site-dir': { type: 'string' },
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const port = Number(flags.port ?? process.env.PORT ?? DEFAULT_PORT);
const dataDir = flags['data-dir'] ?? DEFAULT_DATA_DIR;
if (flags.reset) {
  await rm(dataDir, { recursive: true, force: true });
  console.log('Local database deleted; it will be created again from the migrations and seed.');
}

let stopFatally: (error: Error) => void = () => process.exit(1);
try {
  const stack = await startStack({
    port,
    database: flags.memory ? 'memory' : { dataDir },
    onFatal: (error) => stopFatally(error),
    siteDir: flags['site-dir'],
    seed: true,
    verbose: flags.verbose,
    // The notify Edge Function under Deno; VAPID keys kept beside the database (in memory with --memory).
    functions: { dataDir: flags.memory ? undefined : path.dirname(DEFAULT_DATA_DIR) },
    log: (line) => console.log(line),
    onCodeSent: (email, code) => console.log(`[auth stand-in] sign-in code for ${email}: ${code}`),
  });

  console.log(`
Trợ giúp số Quảng Ninh is running (local stack, demo data):

  Portal          ${stack.url}/
  API (REST)      ${stack.url}/rest/v1/
  Auth (stand-in) ${stack.url}/auth/v1/
  Local mailbox   ${stack.url}/auth/v1/mailbox
  Local outbox    ${stack.url}/_local/outbox/  (push, email, SMS, Zalo as sent; sign-in codes)
  Functions       ${stack.url}/functions/v1/notify
  Anon key        ${stack.anonKey}

Press Ctrl-C to stop.`);

  stopFatally = (error) => {
    console.error(`\n${error.message}\nStopping the local stack.`);
    void stack.stop().finally(() => process.exit(1));
  };

  // QR codes and printed addresses carry the origin the site was built for (SITE_URL, by default
  // http://localhost:$PORT at build time): say so when it is not this one.
  const home = await readFile(path.join(flags['site-dir'] ?? 'dist', 'index.html'), 'utf8').catch(() => '');
  const printed = builtSiteOrigin(home);
  if (printed && printed !== new URL(stack.url).origin) {
    console.warn(`
Note: this build's QR codes and printed addresses point at ${printed}, not ${stack.url}.
Build for this address with PORT=${port} npm start (or set SITE_URL for a public address).`);
  }

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // Closing the terminal window: stop PostgREST too rather than leave it running on its own.
  process.on('SIGHUP', shutdown);
} catch (error) {
  if (
    error instanceof PortBusyError ||
    error instanceof MigrationError ||
    error instanceof MigrationHistoryError ||
    error instanceof DataFolderError ||
    error instanceof StackRunningError
  ) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
