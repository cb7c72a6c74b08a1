import { defineConfig, devices } from '@playwright/test';
import { E2E_DIR, E2E_DIST, E2E_PORT as PORT, ROOT as root } from './e2e-env.ts';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../support/chromium.ts';

/**
 * End-to-end tests in a real Chromium against the production build served by the local stack
 * (in-memory database with the demo seed). Uses the system Chromium when one is installed
 * (Playwright cannot download its own browser on some machines), else Playwright's own.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: `${root}/${E2E_DIR}/results`,
  // Two workers, each running one spec file at a time (a file's tests stay in order): the files
  // that count rows or sign in start a stack of their own on free ports, and the one file that
  // writes to the shared server (admin) uses codes and phones unique to its run, so files do not
  // see each other. With one worker the suite took 14 of CI's 18 minutes (issue 17).
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'vi-VN',
    // Recording a trace costs CPU on every action (DOM snapshots, screenshots): ~10–17 % of the
    // suite's time on two cores (issue 17). CI retries a failed test once and traces that retry;
    // a local run, with no retries, keeps the trace of each failure.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    launchOptions: {
      executablePath: SYSTEM_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npm run build && node --experimental-strip-types supabase/local/start.ts --memory --port ${PORT} --site-dir ${E2E_DIST}`,
    cwd: root,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 300_000,
    env: { SITE_URL: `http://localhost:${PORT}`, OUT_DIR: E2E_DIST, ASTRO_TELEMETRY_DISABLED: '1' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
