/**
 * Site benchmarks: build time and output size for the real content and for 1,000 generated guides,
 * and per-template compressed bytes (HTML, CSS, up-front JS).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guidePagePaths, weighPage, BUDGETS } from '../support/page-weight.ts';
import { kB, table, type BenchSection } from './bench-kit.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      bytes += statSync(path.join(entry.parentPath, entry.name)).size;
      files += 1;
    }
  }
  return { bytes, files };
}

/** Builds the site at `root` into `outDir`; returns seconds taken. */
function build(root: string, outDir: string): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`astro build failed in ${root}:\n${output.slice(-3000)}`);
  }
  return (performance.now() - start) / 1000;
}

/** A copy of the site whose content has `count` guides, cloned from the real ones with new codes. */
function generatedSite(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgs-bench-site-'));
  // src is copied, not linked: Vite resolves real paths, and styles of linked .astro files go missing.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const name of ['src', 'public']) cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) copyFileSync(path.join(ROOT, name), path.join(dir, name));
  mkdirSync(path.join(dir, 'content/guides'), { recursive: true });
  for (const name of ['platforms.json', 'communes.json']) copyFileSync(path.join(ROOT, 'content', name), path.join(dir, 'content', name));
  if (existsSync(path.join(ROOT, 'content/retired-codes.json'))) {
    writeFileSync(path.join(dir, 'content/retired-codes.json'), '[]\n');
  }
  const sources = readdirSync(path.join(ROOT, 'content/guides'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'));
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const [platform, file] = source.split('/');
    const text = readFileSync(path.join(ROOT, 'content/guides', source), 'utf8')
      .replace(/^code: .*$/m, `code: g${i.toString(36)}`)
      .replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '').slice(0, 70)} (${i})`)}`);
    mkdirSync(path.join(dir, 'content/guides', platform), { recursive: true });
    writeFileSync(path.join(dir, 'content/guides', platform, `${file.slice(0, -3)}-${i}.md`), text);
  }
  return dir;
}

export async function run(): Promise<BenchSection> {
  const work = mkdtempSync(path.join(tmpdir(), 'tgs-bench-out-'));
  const realOut = path.join(work, 'real');
  const realSeconds = build(ROOT, realOut);
  const real = dirSize(realOut);
  const realGuides = readdirSync(path.join(ROOT, 'content/guides'), { recursive: true }).filter((f) => String(f).endsWith('.md')).length;

  const generated = generatedSite(1000);
  const bigOut = path.join(work, 'big');
  const bigSeconds = build(generated, bigOut);
  const big = dirSize(bigOut);
  const bigIndex = dirSize(path.join(bigOut, 'pagefind'));
  const realIndex = dirSize(path.join(realOut, 'pagefind'));
  rmSync(generated, { recursive: true, force: true });

  const templates: [string, string][] = [
    ['home', 'index.html'],
    ['platform hub', 'vssid/index.html'],
    ['guide (VssID password)', 'vssid/quen-mat-khau/index.html'],
    ['guide index', 'huong-dan/index.html'],
    ['search', 'tim-kiem/index.html'],
    ['booking', 'dat-lich/index.html'],
    ['status', 'tra-cuu/index.html'],
    ['team workspace', 'doi/index.html'],
    ['admin', 'quan-tri/index.html'],
    ['guide poster', 'in/vssid/quen-mat-khau/index.html'],
  ];
  const weights = templates
    .filter(([, file]) => existsSync(path.join(realOut, file)))
    .map(([name, file]) => ({ name, ...weighPage(realOut, file) }));
  const largestGuide = guidePagePaths(realOut)
    .map((f) => weighPage(realOut, f))
    .sort((a, b) => b.html - a.html)[0];
  rmSync(work, { recursive: true, force: true });
  const booking = weights.find((w) => w.page === 'dat-lich/index.html');
  const bookingOwn = booking ? booking.js - booking.framework : 0;

  const body = [
    table(
      ['content', 'guides', 'build time', 'output size', 'files', 'search index'],
      [
        ['real', realGuides, `${realSeconds.toFixed(1)} s`, kB(real.bytes), real.files, kB(realIndex.bytes)],
        ['generated', 1000, `${bigSeconds.toFixed(1)} s`, kB(big.bytes), big.files, kB(bigIndex.bytes)],
      ],
    ),
    '',
    `Build time grows ${(bigSeconds / realSeconds).toFixed(1)}× for ${(1000 / realGuides).toFixed(0)}× the guides (target: 1,000 guides ≤ 120 s).`,
    '',
    'Compressed bytes per page template (gzip -9; JS = loaded before any interaction):',
    '',
    table(
      ['template', 'HTML', 'CSS', 'JS'],
      [
        ...weights.map((w) => [w.name, kB(w.html), kB(w.css), kB(w.js)]),
        ...(largestGuide ? [[`largest guide (${largestGuide.page})`, kB(largestGuide.html), kB(largestGuide.css), kB(largestGuide.js)]] : []),
      ],
    ),
    '',
    `React's runtime (react-dom's client and React, shared by every island) is ${kB(booking?.framework ?? 0)} of the booking page's JS; the booking island's own JS is ${kB(bookingOwn)}.`,
    '',
    `Budgets enforced by \`npm test\` (tests/e2e/budgets.spec.ts): guide HTML ≤ ${kB(BUDGETS.guideHtml)}, CSS ≤ ${kB(BUDGETS.guideCss)}, no framework JS; booking island's own JS ≤ ${kB(BUDGETS.bookingJs)}; booking and status pages ≤ ${kB(BUDGETS.bookingPageJs)} of JS in all; workspace JS ≤ ${kB(BUDGETS.workspaceJs)}; home page without a framework (its live figures import supabase-js when scrolled into view).`,
  ].join('\n');
  return {
    title: 'Site: build and page weight',
    body,
    targets: [
      { target: 'build of 1,000 guides ≤ 2 minutes', figure: `${bigSeconds.toFixed(1)} s`, met: bigSeconds <= 120 },
      {
        target: `booking island JS ≤ ${kB(BUDGETS.bookingJs)} compressed (enforced by npm test)`,
        figure: `${kB(bookingOwn)} own + ${kB(booking?.framework ?? 0)} React runtime = ${kB(booking?.js ?? 0)} up front`,
        met: bookingOwn <= BUDGETS.bookingJs,
        note: 'React 19\'s runtime alone is over 60 kB, so the budget holds the island\'s own code; the page total has its own budget',
      },
    ],
  };
}
