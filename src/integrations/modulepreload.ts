import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * After `astro build`, lists in each page's <head> every JavaScript module its islands load before
 * they can run (`<link rel="modulepreload">`): the island's component, React's renderer and every
 * chunk they import statically. Without it the browser finds them one level of imports at a time,
 * each level a round trip; on a 400 ms phone network that alone cost the booking form over a
 * second (issue 17). Lazily imported chunks (supabase-js, panels opened later) are not listed.
 */
export default function modulepreloadIntegration(): AstroIntegration {
  return {
    name: 'tro-giup-so/modulepreload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let pages = 0;
        for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = path.join(entry.parentPath, entry.name);
          const html = readFileSync(file, 'utf8');
          const urls = islandModules(outDir, html);
          if (urls.length === 0) continue;
          const links = urls.map((url) => `<link rel="modulepreload" href="${url}">`).join('');
          writeFileSync(file, html.replace('</head>', `${links}</head>`));
          pages += 1;
        }
        logger.info(`modulepreload links added to ${pages} pages with islands`);
      },
    },
  };
}

/**
 * The modules an island needs before it hydrates: the `client:load` and `client:only` islands'
 * components and renderer, and their static imports. Islands hydrated later (`client:visible`,
 * `client:idle`) are left to load when they are due.
 */
export function islandModules(outDir: string, html: string): string[] {
  const start: string[] = [];
  for (const island of html.matchAll(/<astro-island\b[^>]*>/g)) {
    const tag = island[0];
    if (!/client="(load|only)"/.test(tag)) continue;
    for (const url of tag.matchAll(/(?:renderer-url|component-url)="([^"]+)"/g)) start.push(url[1]);
  }
  const seen = new Set<string>();
  const queue = start.filter((url) => url.startsWith('/'));
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const file = path.join(outDir, url);
    if (!existsSync(file)) continue;
    seen.add(url);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import x from "./a.js"`, `import "./a.js"`, `export … from "./a.js"`,
    // also after a comment (Vite leaves `/* empty css */` where a CSS import was).
    for (const imp of code.matchAll(/(?:^|[;\n}])\s*(?:\/\*[^*]*\*\/\s*)*(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(url), imp[1]));
    }
  }
  return [...seen];
}
