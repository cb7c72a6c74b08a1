/**
 * Small shared pieces of the benchmark scripts: timing, percentiles, Markdown tables, and a Chromium
 * launcher that works on machines where Playwright cannot download its own browser.
 * Benchmarks print figures; they are never assertions (the machines are shared and noisy, so
 * compare ratios measured in one run).
 */
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../support/chromium.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS });
}

/** Milliseconds taken by an async function. */
export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** The p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * The PostgreSQL server for the benchmarks' PostgreSQL rows: DATABASE_URL, else the machine's default
 * server; undefined when it does not answer (those rows are then skipped).
 */
export async function reachablePostgresUrl(): Promise<string | undefined> {
  const { default: pg } = await import('pg');
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return url;
  } catch {
    return undefined;
  }
}

/** A Markdown table. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;

/** One section of BENCHMARKS.md. */
export interface BenchSection {
  title: string;
  /** Markdown body: tables and short notes. */
  body: string;
  /** The issue's targets this section measures, for the summary at the top of BENCHMARKS.md. */
  targets?: TargetCheck[];
}

/** A target, the figure measured for it in this run, and whether the figure meets it. */
export interface TargetCheck {
  /** One of ISSUE_17_TARGETS' ids when the check is a row of issue 17's targets table. */
  id?: Issue17TargetId;
  target: string;
  figure: string;
  /** null: not known from this run (e.g. a figure measured outside the benchmark is missing). */
  met: boolean | null;
  /** Conditions that matter for reading the figure (load on the machine, what was measured). */
  note?: string;
}

/**
 * The rows of issue 17's targets table, in its order: the summary at the top of BENCHMARKS.md lists
 * every one of them (with "not measured in this run" when no section reported it), then any other
 * target a section checks.
 */
export const ISSUE_17_TARGETS = [
  { id: 'first-search-bytes', target: 'first search, bytes transferred (Pagefind files + page) ≤ 100 kB' },
  { id: 'booking-usable', target: 'booking form usable (can type and send) at 400 kbps / 400 ms RTT, cold ≤ 2.5 s' },
  { id: 'status-usable', target: 'status page usable, same profile ≤ 2.5 s' },
  { id: 'doi-sign-in-usable', target: '`/doi/` sign-in form usable, same profile ≤ 3 s' },
  { id: 'lighthouse-app', target: 'Lighthouse mobile on `/doi/`, `/quan-tri/`, a commune page ≥ 95 performance, 100 accessibility' },
  { id: 'notify-latency', target: 'notification latency, booking commit → delivered to the local endpoint, p95 ≤ 5 s' },
  { id: 'notify-throughput', target: 'notification throughput, two workers ≥ 1,000 messages/min, 0 duplicates' },
  { id: 'year-statistics', target: 'a year of data: `request_statistics` for the province and a year, p95 ≤ 500 ms' },
  { id: 'year-retention', target: 'same data: retention erasure of one day\'s expiries ≤ 5 s' },
  { id: 'year-request-help', target: 'same data: `request_help` p95 at 10 clients on PostgreSQL ≤ 30 ms' },
  { id: 'peer', target: 'peer: the same guides built with Starlight, measured in the same run (project/peer ratios)' },
  { id: 'ci-time', target: '`.ci/run` on a fresh clone, 2 cores ≤ 15 min' },
] as const;
export type Issue17TargetId = (typeof ISSUE_17_TARGETS)[number]['id'];

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startStack, type Stack } from '../../supabase/local/stack.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH_DIST = 'tmp/bench/dist';
let built = false;

/** Builds the production site once per benchmark run (into tmp/bench/dist). */
export function ensureBuild(): string {
  if (!built) {
    execFileSync(process.execPath, [`${ROOT}/node_modules/astro/bin/astro.mjs`, 'build'], {
      cwd: ROOT,
      env: { ...process.env, OUT_DIR: BENCH_DIST, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    built = true;
  }
  return `${ROOT}${BENCH_DIST}`;
}

/** Runs `fn` against the built site served by a fresh local stack (PGlite in memory, demo seed). */
export async function withSiteStack<T>(fn: (stack: Stack) => Promise<T>): Promise<T> {
  const siteDir = ensureBuild();
  const stack = await startStack({ database: 'memory', seed: true, siteDir, port: 0 });
  try {
    return await fn(stack);
  } finally {
    await stack.stop();
  }
}
