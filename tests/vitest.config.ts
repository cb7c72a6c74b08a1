import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Two Vitest projects: `unit` (pure functions, schemas, content) and `db` (SQL behaviour through the
 * real PostgREST and supabase-js, on PGlite and, when DATABASE_URL is set, on PostgreSQL).
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
        },
      },
      {
        test: {
          name: 'db',
          root,
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/db-global-setup.ts'],
          // The stacks are shared by every file; running files one at a time keeps rate limits
          // and counts deterministic.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
