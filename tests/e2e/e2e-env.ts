import { fileURLToPath } from 'node:url';

/** Port of the e2e server; parallel runs on one machine pick different ports (E2E_PORT). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4410);

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Each e2e port builds into a folder of its own, so parallel runs never overwrite each other. */
export const E2E_DIR = `tmp/e2e-${E2E_PORT}`;

/** The production build the e2e server serves (relative to the root). */
export const E2E_DIST = `${E2E_DIR}/dist`;
