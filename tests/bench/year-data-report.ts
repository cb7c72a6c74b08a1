/** The Markdown of the `year-data` benchmark section (tests/bench/year-data.ts). */
import { ms, table, type BenchSection, type TargetCheck } from './bench-kit.ts';
import type { Options, Result } from './year-data.ts';
import { YEAR } from './year-data-load.ts';

const n = (value: number) => value.toLocaleString('en');

export function report(results: Result[], run: Options & { seconds: number; loadAverage: number }): BenchSection {
  const data = table(
    ['backend', 'teams', 'members', 'requests', 'events', 'outreach entries', 'outbox rows', 'notes', 'ratings', 'load time'],
    results.map((r) => [
      r.backend, n(r.counts.teams), n(r.counts.members), n(r.counts.requests), n(r.counts.events), n(r.counts.outreach),
      n(r.counts.outbox), n(r.counts.notes), n(r.counts.ratings),
      `${Object.values(r.loadSeconds).reduce((a, b) => a + b, 0).toFixed(0)} s (${Object.entries(r.loadSeconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')})`,
    ]),
  );
  const figures = table(
    ['backend', 'request_statistics, province, 365 days: p50', 'p95', 'max', 'requests counted', 'retention: one day erased', 'time', 'job runs'],
    results.map((r) => [
      r.backend, ms(r.stats.p50), ms(r.stats.p95), ms(r.stats.max), n(r.stats.total), n(r.retention.erased), ms(r.retention.ms), r.retention.runs,
    ]),
  );
  const pg = results.find((r) => r.backend === 'PostgreSQL');
  const help = pg?.requestHelp
    ? table(
        ['backend', 'rpc', 'path', 'clients', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-200'],
        pg.requestHelp.map((h) => ['PostgreSQL', 'request_help', h.path, 10, h.requests, h.rps.toFixed(0), h.p50.toFixed(1), h.p95.toFixed(1), h.p99.toFixed(1), h.errors]),
      )
    : 'PostgreSQL not reachable: request_help not measured at this size.';
  const targets: TargetCheck[] = [];
  for (const r of results) {
    targets.push({
      id: 'year-statistics',
      target: `a year of data: \`request_statistics\` for the province and a year p95 ≤ 500 ms (${r.backend})`,
      figure: `p95 ${ms(r.stats.p95)} (${run.calls} calls)`,
      met: r.stats.p95 <= 500,
      note: `${n(r.counts.requests)} requests, ${n(r.counts.events)} events`,
    });
    targets.push({
      id: 'year-retention',
      target: `a year of data: retention erasure of one day's expiries ≤ 5 s (${r.backend})`,
      figure: `${n(r.retention.erased)} requests in ${ms(r.retention.ms)}`,
      met: r.retention.ms <= 5000,
    });
  }
  const gateway = pg?.requestHelp?.find((h) => h.path === 'gateway');
  if (gateway) {
    targets.push({
      id: 'year-request-help',
      target: 'a year of data: `request_help` p95 ≤ 30 ms at 10 clients on PostgreSQL',
      figure: `p95 ${gateway.p95.toFixed(1)} ms, ${gateway.rps.toFixed(0)} req/s through the gateway`,
      met: gateway.p95 <= 30,
      note: `load generator, gateway, PostgREST and PostgreSQL share the machine; load average ${run.loadAverage.toFixed(1)} at the start`,
    });
  }
  const explains = results.map((r) => `${r.backend}:\n\n\`\`\`\n${r.explain}\n\`\`\``).join('\n\n');
  return {
    title: 'A year of provincial data (request_statistics, retention, request_help)',
    targets,
    body: `${data}

${figures}

${help}

Method. Generator: tests/bench/year-data-load.ts, seed ${run.seed}, deterministic (every choice a hash of seed, row and stream; times relative to the run, "a year" = the 365 days before it). ${n(YEAR.teams)} teams go through the admin CSV import (\`admin_import_teams\`, one call of ${n(YEAR.teams)} lines as the admin signed in, the path a province would use); members, requests, events, notes, outbox rows, ratings and outreach entries are set-based \`insert … select generate_series\` as the superuser, shaped as the RPCs write them (a booking, routing, acceptance, closing and erasure each leave their event; requests ended more than 91 days ago are already erased; those ended 90–91 days ago are one day's expiries), because per-row RPCs would take hours at this size and cannot back-date rows (outreach refuses days older than 60). Events are topped up to exactly ${n(YEAR.events)} with notes and call attempts on accepted requests. Triggers are off during the load, so the statistics facts (\`app.request_facts\`, one narrow row per request that triggers keep for \`request_statistics\`) are rebuilt at the end with \`app.rebuild_request_facts()\`. \`request_statistics\`: ${run.calls} sequential calls after a warm-up, from Node through the gateway and PostgREST as the admin (email-code sign-in), province, the last 365 days. Retention: \`app.erase_expired_personal_data()\` called until it returns 0, timed from the first call to the last (each call erases, clears notes and outbox phones through the trigger, and writes the audit events). request_help: the method of the booking section (autocannon in a worker thread, 10 clients for 10 s, each call a new booking from its own client address, rate limits raised), on the year's data. Section run time ${run.seconds.toFixed(0)} s on ${results.map((r) => r.backend).join(' and ')}.

EXPLAIN (ANALYZE, BUFFERS) of \`request_statistics\`' statement (its text from pg_proc, the PL/pgSQL variables replaced by the values of the province call for the year; superuser, after a warm-up):

${explains}`,
  };
}
