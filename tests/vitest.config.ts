import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** db test files that start embedded stacks of their own (or none): not run per backend. */
const EMBEDDED_ONLY = [
  'tests/db/local-stack-reliability.test.ts',
  'tests/db/notify-local-stack.test.ts',
  'tests/db/pglite-multiplexer.test.ts',
  'tests/db/schema-snapshot.test.ts',
];

/**
 * A db project: SQL behaviour through the real PostgREST and supabase-js on one backend, whose
 * stack tests/support/db-global-setup.ts starts (`db` on PGlite, `db-postgres` on DATABASE_URL).
 */
function dbProject(name: 'db' | 'db-postgres', include: string[], exclude: string[] = []) {
  return {
    test: {
      name,
      root,
      include,
      exclude,
      environment: 'node',
      globalSetup: ['tests/support/db-global-setup.ts'],
      // A project's stack is shared by its files; running them one at a time keeps rate limits
      // and counts deterministic.
      fileParallelism: false,
      // One worker runs the files in turn, so it keeps its modules from file to file instead of
      // spawning a fresh one per file (~0.8 s each, 66 files; the files share no module state).
      isolate: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

/**
 * Vitest projects: `unit` (pure functions, schemas, content), `db` (SQL behaviour on PGlite) and,
 * when DATABASE_URL is set, `db-postgres` (the same files on that PostgreSQL server).
 * Playwright runs the e2e suite separately (tests/e2e/playwright.config.ts).
 */
export default defineConfig({
  root,
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Pure functions: a worker keeps its modules from file to file (no file mocks or
          // changes globals), instead of loading them again for each of the 54 files.
          isolate: false,
        },
      },
      dbProject('db', ['tests/db/**/*.test.ts']),
      // The PostgreSQL server (CI sets DATABASE_URL) gets a project of its own so that the two
      // backends run side by side: PGlite works in the main process, PostgreSQL in its own server
      // processes, and on two cores the db tests took the sum of both (issue 17). The four files
      // that start their own embedded stacks, or none, run once, in the PGlite project.
      ...(process.env.DATABASE_URL
        ? [dbProject('db-postgres', ['tests/db/**/*.test.ts'], EMBEDDED_ONLY)]
        : []),
    ],
  },
});
