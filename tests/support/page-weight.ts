/**
 * Measures what a built page costs a phone: gzip-compressed bytes of its HTML, of the CSS it links,
 * and of the JavaScript it loads before any interaction (module scripts, island components and
 * their static imports; lazily imported chunks are not counted). Deterministic: sizes, not times.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { PLATFORM_IDS } from '../../src/lib/schemas/platform.ts';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  /** The HTML file, including any inlined <style> and <script>. */
  html: number;
  /** Linked stylesheets plus inlined <style> blocks. */
  css: number;
  /** JavaScript loaded before any interaction. */
  js: number;
  /**
   * The part of `js` that is the islands' framework runtime (React and react-dom, the files the
   * `renderer-url` of Astro's islands loads): shared by every island and cached across pages.
   */
  framework: number;
  /** Each file of `js`, with its compressed size, largest first (for the failure message). */
  files: { url: string; bytes: number }[];
}

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

/** The JS files a page loads up front, following static imports between chunks. */
function scriptClosure(distDir: string, html: string): string[] {
  const start = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) start.add(match[1]);
  for (const match of html.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) start.add(match[1]);
  // Astro may inline a small module script that imports chunks.
  for (const match of html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const imp of match[1].matchAll(/import\s*(?:[^'"]*from\s*)?["']([^"']+\.js)["']/g)) start.add(imp[1]);
  }
  return importClosure(distDir, start);
}

/** The islands' framework runtime: what the `renderer-url`s load (react-dom's client, React). */
function frameworkClosure(distDir: string, html: string): string[] {
  const start = new Set([...html.matchAll(/renderer-url="([^"]+)"/g)].map((match) => match[1]));
  return importClosure(distDir, start);
}

/** The given scripts and every chunk they import statically. */
function importClosure(distDir: string, start: Set<string>): string[] {
  const seen = new Set<string>();
  const queue = [...start].filter((url) => url.startsWith('/'));
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = path.join(distDir, url);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`,
    // also after a comment (Vite leaves `/* empty css */` where a CSS import was).
    for (const imp of code.matchAll(/(?:^|[;\n}])\s*(?:\/\*[^*]*\*\/\s*)*(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(url), imp[1]));
    }
  }
  return [...seen];
}

/**
 * Every built guide page, `<platform>/<slug>/index.html`: the folders of the platform ids, so no
 * list of other top-level pages (posters, search, workspaces) has to be kept in step.
 */
export function guidePagePaths(distDir: string): string[] {
  return PLATFORM_IDS.filter((platform) => existsSync(path.join(distDir, platform))).flatMap((platform) =>
    readdirSync(path.join(distDir, platform), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(distDir, platform, entry.name, 'index.html')))
      .map((entry) => `${platform}/${entry.name}/index.html`),
  );
}

/** Weighs one built page, e.g. `vssid/quen-mat-khau/index.html`. */
export function weighPage(distDir: string, page: string): PageWeight {
  const html = readFileSync(path.join(distDir, page), 'utf8');
  // Astro inlines small stylesheets into <style> blocks: count those too (they also weigh in the HTML).
  let css = 0;
  for (const match of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) {
    css += gz(readFileSync(path.join(distDir, match[1])));
  }
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  if (inline) css += gz(inline);
  const files = scriptClosure(distDir, html)
    .map((url) => ({ url, bytes: gz(readFileSync(path.join(distDir, url))) }))
    .sort((a, b) => b.bytes - a.bytes);
  const js = files.reduce((sum, file) => sum + file.bytes, 0);
  const runtime = new Set(frameworkClosure(distDir, html));
  const framework = files.filter((file) => runtime.has(file.url)).reduce((sum, file) => sum + file.bytes, 0);
  return { page, html: gz(html), css, js, framework, files };
}

/** Budgets in bytes (gzip), per the performance issue. */
export const BUDGETS = {
  guideHtml: 15 * 1024,
  guideCss: 15 * 1024,
  /** The booking island's own JavaScript: everything the page loads up front but React's runtime. */
  bookingJs: 60 * 1024,
  /** Everything the booking page loads up front, React's runtime (about 68 kB) included. */
  bookingPageJs: 105 * 1024,
  /**
   * The team workspace (/doi/) before sign-in: React and the sign-in form; supabase-js, the session
   * and the panels load after sign-in (or when a session is stored). 84 kB holds the best figure
   * reached (82.4 kB, issue 17; 93.8 kB while the session, the team's contracts and zod came up front).
   */
  workspaceJs: 84 * 1024,
  /**
   * The admin workspace (/quan-tri/) before sign-in: React, the sign-in form and the admin strings;
   * the workspace and its panels load after sign-in. 88 kB holds the best figure reached (87.3 kB,
   * issue 17; 112.1 kB while every panel came up front).
   */
  adminJs: 88 * 1024,
};
