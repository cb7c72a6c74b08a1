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
  const seen = new Set<string>();
  const queue = [...start].filter((url) => url.startsWith('/'));
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const file = path.join(distDir, url);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`.
    for (const imp of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
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
  let js = 0;
  for (const url of scriptClosure(distDir, html)) js += gz(readFileSync(path.join(distDir, url)));
  return { page, html: gz(html), css, js };
}

/** Budgets in bytes (gzip), per the performance issue. */
export const BUDGETS = {
  guideHtml: 15 * 1024,
  guideCss: 15 * 1024,
  bookingJs: 60 * 1024,
  workspaceJs: 150 * 1024,
};
