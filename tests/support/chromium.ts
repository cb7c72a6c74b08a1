/**
 * The browser the e2e suite and the benchmarks drive: the system Chromium when one is installed
 * (Playwright cannot download its own browser on some machines), with the flags that keep it from
 * calling out to Google's services on a closed network.
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
