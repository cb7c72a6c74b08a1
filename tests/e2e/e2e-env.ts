import { fileURLToPath } from 'node:url';

/** Port of the e2e server; parallel runs on one machine pick different ports (E2E_PORT). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4410);

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each e2e port builds into a folder of its own, so parallel runs never overwrite each other. */
export const E2E_DIR = `tmp/e2e-${E2E_PORT}`;

/** The production build the e2e server serves (relative to the root). */
export const E2E_DIST = `${E2E_DIR}/dist`;

/**
 * Where the specs that start a stack of their own keep its database: a fresh database on the
 * PostgreSQL server at DATABASE_URL when one is set (CI sets it), else PGlite in memory. A
 * PostgreSQL database is created, migrated and seeded in ~3 s, where an in-memory PGlite takes
 * 8–27 s of CPU on two busy cores, and answers each page's calls natively rather than in WASM
 * (issue 17: the e2e suite is CPU-bound). The shared e2e server stays on PGlite, as `npm start`
 * runs it, so both backends are exercised end to end.
 */
export const E2E_STACK_DATABASE: 'memory' | { postgresUrl: string } = process.env.DATABASE_URL
  ? { postgresUrl: process.env.DATABASE_URL }
  : 'memory';
