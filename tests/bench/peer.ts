/**
 * The peer, measured in the same run: the same guides built with Starlight (Astro's documentation
 * theme, @astrojs/starlight, a dev dependency used only here) in a temporary project under
 * tmp/bench/peer/, beside this project's own build. Both sites are served by the same small static
 * server (sirv + gzip, as the local stack's gateway serves the site) and measured the same way:
 * bytes to read the VssID password guide, Pagefind bytes of the first search, time to the first step
 * at 400 kbps / 400 ms (slow-network.ts's throttling), and build time. Printed with project/peer ratios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import compression from 'compression';
import sirv from 'sirv';
import { parse } from 'yaml';
import { weighPage } from '../support/page-weight.ts';
import { kB, launchChromium, ms, table, type BenchSection } from './bench-kit.ts';
import { PROFILE } from './slow-network.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORK = path.join(ROOT, 'tmp/bench/peer');
const GUIDE = 'vssid/quen-mat-khau/';
const QUERY = 'quen mat khau vssid';

interface Step { title: string; body: string; tip?: string; warning?: string }
interface GuideData {
  title: string; summary: string; prerequisites: string[]; steps?: Step[];
  ways?: { title: string; when?: string; steps: Step[] }[]; problems?: { problem: string; fix: string }[];
}

const indent = (text: string) => text.trim().replace(/\n/g, '\n   ');

/** A guide's steps as a Markdown ordered list: bold title, then its text, tip and warning. */
function stepList(steps: Step[]): string {
  return steps
    .map((step, i) => {
      const parts = [`${i + 1}. **${step.title}**`, `   ${indent(step.body)}`];
      if (step.tip) parts.push(`   Mẹo: ${indent(step.tip)}`);
      if (step.warning) parts.push(`   Cẩn thận: ${indent(step.warning)}`);
      return parts.join('\n\n');
    })
    .join('\n\n');
}

/** Starlight-compatible Markdown of one of our guides: title/description frontmatter, steps as lists. */
export function starlightMarkdown(source: string): string {
  const [, front, body] = source.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/) ?? ['', '', source];
  const guide = parse(front) as GuideData;
  const out = [
    '---',
    `title: ${JSON.stringify(guide.title)}`,
    `description: ${JSON.stringify(guide.summary)}`,
    '---',
    '',
    body.trim(),
    '',
    '## Cần chuẩn bị',
    '',
    guide.prerequisites.map((p) => `- ${p}`).join('\n'),
    '',
  ];
  if (guide.steps?.length) out.push('## Các bước', '', stepList(guide.steps), '');
  (guide.ways ?? []).forEach((way, i) => {
    out.push(`## Cách ${i + 1}: ${way.title}`, '');
    if (way.when) out.push(`_${way.when}_`, '');
    out.push(stepList(way.steps), '');
  });
  if (guide.problems?.length) {
    out.push('## Gặp vấn đề', '');
    for (const p of guide.problems) out.push(`### ${p.problem}`, '', p.fix.trim(), '');
  }
  return out.join('\n');
}

/** Writes the Starlight project (config, content collection, one page per guide); returns its folder. */
function starlightProject(): { dir: string; guides: number } {
  const dir = path.join(WORK, 'starlight');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/content/docs'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({
    name: 'peer-starlight', private: true, type: 'module',
    // Listed so that Astro bundles them for rendering (found in the repository's node_modules).
    dependencies: { astro: readPackageVersion('astro'), '@astrojs/starlight': readPackageVersion('@astrojs/starlight') },
  }, null, 2)}\n`);
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  outDir: process.env.OUT_DIR,
  integrations: [starlight({ title: 'Trợ giúp số Quảng Ninh', defaultLocale: 'root', locales: { root: { label: 'Tiếng Việt', lang: 'vi' } } })],
});
`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const sources = readdirSync(path.join(ROOT, 'content/guides'), { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
  for (const file of sources) {
    const target = path.join(dir, 'src/content/docs', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, starlightMarkdown(readFileSync(path.join(ROOT, 'content/guides', file), 'utf8')));
  }
  writeFileSync(
    path.join(dir, 'src/content/docs/index.md'),
    `---\ntitle: Trợ giúp số Quảng Ninh\ndescription: Hướng dẫn từng bước cho các ứng dụng công.\n---\n\n${sources
      .map((f) => `- [${f.slice(0, -3)}](/${f.slice(0, -3)}/)`)
      .join('\n')}\n`,
  );
  return { dir, guides: sources.length };
}

/** `astro build` of the project at `cwd` into `outDir`; seconds taken. */
function build(cwd: string, outDir: string): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd,
      env: { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`astro build failed in ${cwd}:\n${output.slice(-3000)}`);
  }
  return (performance.now() - start) / 1000;
}

/** Serves a built folder as the local gateway does (sirv, gzip); returns its URL and a stop function. */
async function serve(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const files = sirv(dir, { etag: true, dotfiles: false, extensions: ['html'] });
  const compress = compression();
  const server = http.createServer((req, res) =>
    compress(req as never, res as never, () => files(req, res, () => void res.writeHead(404).end())),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

type Browser = Awaited<ReturnType<typeof launchChromium>>;

/**
 * A cold visit to the guide, then the first search from it. Bytes transferred (Playwright's request sizes:
 * as sent by the gzip server, headers included, nothing cached) while loading the guide until the
 * network is idle, then during the search; and the search's Pagefind bytes by search-bytes.ts's rule
 * (text gzipped -9, index files as sent).
 */
async function visitAndSearch(browser: Browser, url: string, peer: boolean) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let transferred = 0;
  const files: { path: string; bytes: number }[] = [];
  const pending: Promise<void>[] = [];
  // Playwright's request sizes: the body as sent (gzip) plus headers; includes Pagefind's web worker.
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        transferred += bytes;
        files.push({ path: new URL(request.url()).pathname, bytes });
      }, () => undefined),
    );
  });
  const settled = () => Promise.all(pending.splice(0));
  let pagefind = 0;
  page.on('response', async (response) => {
    const pathname = new URL(response.url()).pathname;
    if (!pathname.startsWith('/pagefind/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    pagefind += /\.(js|json|css)$/.test(pathname) ? gzipSync(body, { level: 9 }).length : body.length;
  });
  await page.goto(`${url}/${GUIDE}`, { waitUntil: 'networkidle' });
  await settled();
  const guide = transferred;
  const guidePagefind = pagefind;
  const largest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 2);
  if (peer) {
    // Starlight searches in a dialog on every page; its Pagefind UI was imported when the page was idle.
    await page.locator('button[data-open-modal]:not([disabled])').first().click();
    await page.locator('#starlight__search input').fill(QUERY);
    await page.locator('.pagefind-ui__result').first().waitFor();
  } else {
    // What the header search form does: open the search page with the query.
    await page.goto(`${url}/tim-kiem/?q=${encodeURIComponent(QUERY)}`);
    await page.locator('.app-result').first().waitFor();
  }
  await page.waitForLoadState('networkidle');
  await settled();
  await context.close();
  return { guide, largest, search: transferred - guide, pagefind: pagefind - guidePagefind, pagefindOnLoad: guidePagefind };
}

/** Median of 3 cold loads at 400 kbps / 400 ms until `selector` (the first step) is visible. */
async function firstStepMs(browser: Browser, url: string, selector: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PROFILE);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const start = Date.now();
    await page.goto(`${url}/${GUIDE}`, { waitUntil: 'commit' });
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 120_000 });
    samples.push(Date.now() - start);
    await context.close();
  }
  return samples.sort((a, b) => a - b)[1];
}

export async function run(): Promise<BenchSection> {
  mkdirSync(WORK, { recursive: true });
  const project = starlightProject();
  const oursOut = path.join(WORK, 'ours-dist');
  const peerOut = path.join(WORK, 'starlight-dist');
  const oursBuild = build(ROOT, oursOut);
  const peerBuild = build(project.dir, peerOut);
  const page = `${GUIDE}index.html`;
  if (!existsSync(path.join(peerOut, page))) throw new Error(`Starlight did not build ${page}`);
  const weight = (dir: string) => {
    const w = weighPage(dir, page);
    return { ...w, total: w.html + w.css + w.js };
  };
  const [oursWeight, peerWeight] = [weight(oursOut), weight(peerOut)];

  const sites = await Promise.all([serve(oursOut), serve(peerOut)]);
  const browser = await launchChromium();
  let figures: { visit: Awaited<ReturnType<typeof visitAndSearch>>[]; step: number[] };
  try {
    figures = {
      visit: [await visitAndSearch(browser, sites[0].url, false), await visitAndSearch(browser, sites[1].url, true)],
      step: [
        await firstStepMs(browser, sites[0].url, '#buoc-1'),
        await firstStepMs(browser, sites[1].url, '.sl-markdown-content ol > li'),
      ],
    };
  } finally {
    await browser.close();
    await Promise.all(sites.map((site) => site.stop()));
  }
  const [ours, peer] = figures.visit;
  const describe = (files: { path: string; bytes: number }[]) => files.map((f) => `\`${f.path}\` ${kB(f.bytes)}`).join(', ');
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const rows = [
    ['read the VssID password guide (HTML + CSS + JS, gzip)', kB(oursWeight.total), kB(peerWeight.total), ratio(oursWeight.total, peerWeight.total)],
    ['… of which HTML / CSS / JS', `${kB(oursWeight.html)} / ${kB(oursWeight.css)} / ${kB(oursWeight.js)}`, `${kB(peerWeight.html)} / ${kB(peerWeight.css)} / ${kB(peerWeight.js)}`, ''],
    ['load the guide, cold, until the network is idle: bytes transferred', kB(ours.guide), kB(peer.guide), ratio(ours.guide, peer.guide)],
    [`first search \`${QUERY}\` from the guide, Pagefind bytes`, kB(ours.pagefind), kB(peer.pagefind), ratio(ours.pagefind, peer.pagefind)],
    ['… all bytes transferred for that search', kB(ours.search), kB(peer.search), ratio(ours.search, peer.search)],
    ['first step visible at 400 kbps / 400 ms, cold (median of 3)', ms(figures.step[0]), ms(figures.step[1]), ratio(figures.step[0], figures.step[1])],
    [`build time (${project.guides} guides)`, `${oursBuild.toFixed(1)} s`, `${peerBuild.toFixed(1)} s`, ratio(oursBuild, peerBuild)],
  ];
  const ratios = `guide bytes ${rows[0][3]} (built files; ${rows[2][3]} transferred on a cold visit), first search Pagefind bytes ${rows[3][3]} (${rows[4][3]} of all bytes transferred), first step ${rows[5][3]}, build ${rows[6][3]}`;
  return {
    title: 'Peer: the same guides built with Starlight',
    body: [
      table(['figure', 'this project', 'Starlight', 'project/peer'], rows),
      '',
      `Starlight ${readPackageVersion('@astrojs/starlight')} (default theme and sidebar, Vietnamese root locale, its built-in Pagefind search) builds Markdown generated from \`content/guides/**.md\` in a temporary project (tmp/bench/peer/starlight): each guide becomes a page at the same path with its title and summary as Starlight's \`title\`/\`description\` frontmatter, then the guide's own text, "Cần chuẩn bị" (prerequisites) as a list, the steps as an ordered list (bold step title, then its text, tip and warning as paragraphs), one "Cách N" heading with its own ordered list per way, and the problems as headings. Both sites are built in this run (ours is the whole portal: guides, posters, booking, workspaces, commune pages) and served by the same static server (sirv + gzip, as the local gateway). Guide bytes: the first row weighs the built files with tests/support/page-weight.ts for both (gzip -9; JS loaded before any interaction, so Starlight's Pagefind UI, imported once the page is idle, is not in it); the next row is what Chromium actually downloaded for a cold visit until the network was idle (Playwright's request sizes: body as sent plus headers, Pagefind's web worker included; that includes Starlight's idle import${peer.pagefindOnLoad ? `, and ${kB(peer.pagefindOnLoad)} of Pagefind files fetched before any search` : ''}; ours includes the confirmation stamp's script, fetched after the load (src/lib/api/public-read.ts), whose call this static server answers 404, while tests/e2e/budgets.spec.ts counts the same visit against the local stack, answer included; largest files: ours ${describe(ours.largest)}, Starlight ${describe(peer.largest)}). First search, from that open guide page: ours opens /tim-kiem/?q=… as the header search form does; Starlight opens its search dialog and types the query; Pagefind bytes counted as in the search section (text gzipped -9, index files as sent). First step: Chromium at 400 kbps / 400 ms RTT (slow-network.ts's profile), 360 × 740, cache disabled, service worker blocked, until \`#buoc-1\` (ours) or the first item of Starlight's first ordered list is visible.`,
    ].join('\n'),
    targets: [
      {
        id: 'peer',
        target: 'peer: the same guides built with Starlight, measured in the same run (project/peer ratios)',
        figure: ratios,
        met: true,
        note: 'a figure to report, not a threshold: below 1× means this project is lighter or faster',
      },
    ],
  };
}

function readPackageVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const section = await run();
  console.log(`## ${section.title}\n\n${section.body}`);
}
