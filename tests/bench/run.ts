/**
 * `npm run bench`: runs every benchmark and writes BENCHMARKS.md (figures, machine, date, how to
 * reproduce). `npm run bench -- --only site,routing` runs some sections.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ISSUE_17_TARGETS, table, type BenchSection, type TargetCheck } from './bench-kit.ts';

const SECTIONS: Record<string, () => Promise<{ run: () => Promise<BenchSection> }>> = {
  site: () => import('./site.ts'),
  search: () => import('./search-bytes.ts'),
  'slow-network': () => import('./slow-network.ts'),
  lighthouse: () => import('./lighthouse.ts'),
  routing: () => import('./routing.ts'),
  'request-help': () => import('./request-help.ts'),
  'team-queue': () => import('./team-queue.ts'),
  notifications: () => import('./notifications.ts'),
  'year-data': () => import('./year-data.ts'),
  peer: () => import('./peer.ts'),
  ci: () => import('./ci-time.ts'),
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
/**
 * Issue 17's sections run first, so that a full run stopped part-way (BENCHMARKS.md is rewritten
 * after every section) has its targets; BENCHMARKS.md keeps the order of SECTIONS.
 */
const RUN_FIRST = ['ci', 'search', 'slow-network', 'lighthouse', 'notifications', 'peer', 'year-data'];
const rank = (name: string) => (RUN_FIRST.includes(name) ? RUN_FIRST.indexOf(name) : RUN_FIRST.length);
const chosen = (values.only ? values.only.split(',') : Object.keys(SECTIONS)).sort((a, b) => rank(a) - rank(b));

for (const name of chosen) {
  if (!SECTIONS[name]) throw new Error(`Unknown benchmark "${name}"; known: ${Object.keys(SECTIONS).join(', ')}`);
}

/**
 * "Targets at a glance": every row of issue 17's targets table in its order, with this run's figure
 * from the section that measured it ("not measured in this run" otherwise), then the other targets
 * the sections check.
 */
function targetSummary(sections: BenchSection[]): string {
  const checks = sections.flatMap((section) => section.targets ?? []);
  if (checks.length === 0) return '';
  const met = (check: TargetCheck) => (check.met === null ? 'unknown' : check.met ? 'yes' : '**no**');
  const rows: string[][] = [];
  for (const row of ISSUE_17_TARGETS) {
    const found = checks.filter((check) => check.id === row.id);
    if (found.length === 0) rows.push([row.target, 'not measured in this run', 'unknown', '']);
    for (const check of found) rows.push([check.target, check.figure, met(check), check.note ?? '']);
  }
  for (const check of checks.filter((c) => !c.id)) rows.push([check.target, check.figure, met(check), check.note ?? '']);
  const crashes = crashed.length ? `\n\nSections that crashed in this run (their rows read "not measured"): ${crashed.join(', ')}.` : '';
  return `## Targets at a glance (this run)\n\nIssue 17's targets first, in its order, then earlier ones.\n\n${table(['target', 'figure', 'met?', 'note'], rows)}${crashes}\n\n`;
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
function writeDoc(pending: string[]): void {
  const doc = `# Benchmarks

Figures printed by \`npm run bench\` (tests/bench/), not timed tests: the machines are shared and
noisy, so compare the ratios within one run rather than absolute numbers across runs. Size budgets,
which are deterministic, are enforced by \`npm test\` instead.

- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
- Machine: ${machine}
- Reproduce: \`npm run bench\` (all sections, about 20 minutes on 2 shared cores) or \`npm run bench -- --only ${Object.keys(SECTIONS).join(',')}\`;
  PostgreSQL sections use \`DATABASE_URL\` when set.
${pending.length ? `\n**Run in progress or stopped: sections not run yet: ${pending.join(', ')}.**\n` : ''}
${targetSummary(results)}${results.map((s) => `## ${s.title}\n\n${s.body}\n`).join('\n')}`;
  writeFileSync(fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)), doc);
}
const results: (BenchSection & { name: string })[] = [];
const crashed: string[] = [];
for (const [index, name] of chosen.entries()) {
  const started = performance.now();
  console.error(`▶ ${name}…`);
  let section: BenchSection;
  try {
    section = await (await SECTIONS[name]()).run();
  } catch (error) {
    // One section failing does not lose the others' figures: the crash is printed in its place.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`  ${name} crashed: ${message}`);
    crashed.push(name);
    section = {
      title: `${name}: crashed in this run`,
      body: `The section \`${name}\` stopped with an error, so its figures are missing from this run:\n\n\`\`\`\n${message.split('\n').slice(0, 12).join('\n')}\n\`\`\``,
    };
  }
  console.error(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`\n## ${section.title}\n\n${section.body}\n`);
  results.push({ ...section, name });
  results.sort((a, b) => Object.keys(SECTIONS).indexOf(a.name) - Object.keys(SECTIONS).indexOf(b.name));
  // A full run rewrites BENCHMARKS.md after every section, so a run stopped part-way keeps what it measured.
  if (!values.only) writeDoc(chosen.slice(index + 1));
}

if (values.only) {
  // A partial run prints the summary of what it measured and leaves BENCHMARKS.md alone.
  console.log(`\n${targetSummary(results)}`);
} else {
  console.error('Wrote BENCHMARKS.md');
}
