/**
 * `npm start`: runs the whole portal on this machine with the embedded stack.
 *
 *   node supabase/local/start.ts [--reset] [--memory] [--port N] [--site-dir DIR]
 *
 * --reset deletes the local database (supabase/local/.data) first; --memory keeps the database in
 * memory only (the e2e tests use it); --site-dir serves another build than dist/; PORT also sets
 * the port.
 * Ctrl-C stops PostgREST, the socket server and PGlite; nothing is left running.
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { DEFAULT_DATA_DIR, DEFAULT_PORT } from './config.ts';
import { startStack } from './stack.ts';
import { PortBusyError } from './gateway.ts';
import { MigrationError, MigrationHistoryError } from './migrate.ts';

const { values: flags } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    'site-dir': { type: 'string' },
    port: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const port = Number(flags.port ?? process.env.PORT ?? DEFAULT_PORT);
if (flags.reset) {
  await rm(DEFAULT_DATA_DIR, { recursive: true, force: true });
  console.log('Local database deleted; it will be created again from the migrations and seed.');
}

try {
  const stack = await startStack({
    port,
    database: flags.memory ? 'memory' : { dataDir: DEFAULT_DATA_DIR },
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
  if (error instanceof PortBusyError || error instanceof MigrationError || error instanceof MigrationHistoryError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
}
