/**
 * `npm run bench`: runs every benchmark and writes BENCHMARKS.md (figures, machine, date, how to
 * reproduce). `npm run bench -- --only site,routing` runs some sections.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { table, type BenchSection } from './bench-kit.ts';

const SECTIONS: Record<string, () => Promise<{ run: () => Promise<BenchSection> }>> = {
  site: () => import('./site.ts'),
  search: () => import('./search-bytes.ts'),
  'slow-network': () => import('./slow-network.ts'),
  lighthouse: () => import('./lighthouse.ts'),
  routing: () => import('./routing.ts'),
  'request-help': () => import('./request-help.ts'),
  'team-queue': () => import('./team-queue.ts'),
  notifications: () => import('./notifications.ts'),
  peer: () => import('./peer.ts'),
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const chosen = values.only ? values.only.split(',') : Object.keys(SECTIONS);

const results: BenchSection[] = [];
for (const name of chosen) {
  const load = SECTIONS[name];
  if (!load) throw new Error(`Unknown benchmark "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
  const started = performance.now();
  console.error(`▶ ${name}…`);
  const section = await (await load()).run();
  console.error(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`\n## ${section.title}\n\n${section.body}\n`);
  results.push(section);
}

/** "Targets at a glance": every target the sections measured, with this run's figure. */
function targetSummary(sections: BenchSection[]): string {
  const targets = sections.flatMap((section) => section.targets ?? []);
  if (targets.length === 0) return '';
  const rows = targets.map((t) => [t.target, t.figure, t.met ? 'yes' : '**no**', t.note ?? '']);
  return `## Targets at a glance (this run)\n\n${table(['target', 'figure', 'met?', 'note'], rows)}\n\n`;
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const doc = `# Benchmarks

Figures printed by \`npm run bench\` (tests/bench/), not timed tests: the machines are shared and
noisy, so compare the ratios within one run rather than absolute numbers across runs. Size budgets,
which are deterministic, are enforced by \`npm test\` instead.

- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- Machine: ${machine}
- Reproduce: \`npm run bench\` (all sections, about 10 minutes) or \`npm run bench -- --only ${Object.keys(SECTIONS).join(',')}\`;
  PostgreSQL sections use \`DATABASE_URL\` when set.

${targetSummary(results)}${results.map((s) => `## ${s.title}\n\n${s.body}\n`).join('\n')}`;
if (!values.only) {
  writeFileSync(fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)), doc);
  console.error('Wrote BENCHMARKS.md');
}
