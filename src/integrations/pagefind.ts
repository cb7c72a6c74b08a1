import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { minify } from 'vite';

/**
 * Word locations per index chunk (Pagefind's default is 20,000). A search downloads the chunk holding
 * each of its words: at the default our whole index was 2 chunks, so a first search paid ~35 kB for
 * it. At 500 the index is ~60 chunks of ~0.7 kB; a 3–4 word query downloads one per word (~2.5 kB)
 * and the metadata file listing them grows by 0.7 kB. Smaller still saves less than it adds there.
 * Pagefind 1.6 reads this only from the environment of its service process (spawned on first use,
 * inheriting ours); the first-search budget in tests/e2e/budgets.spec.ts fails if an upgrade ignores it.
 */
const INDEX_CHUNK_SIZE = '500';

/**
 * Builds the Pagefind search index after `astro build`. Any error fails the build: a site whose
 * search silently has no index is worse than a failed deploy.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'tro-giup-so/pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const outDir = fileURLToPath(dir);
        process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = INDEX_CHUNK_SIZE;
        const { index, errors: createErrors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        if (added.page_count === 0) throw new Error('Pagefind indexed no page: is data-pagefind-body missing?');
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
        await pagefind.close();
        await minifyPagefindScript(`${outDir}/pagefind/pagefind.js`);
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Date.now() - started} ms`);
      },
    },
  };
}

/**
 * Pagefind ships pagefind.js with its whitespace stripped but its names unshortened: minified
 * (by Vite's own minifier, which Astro already builds with) it is 2 kB smaller compressed, and
 * every first search downloads it. Property names are kept, so its WebAssembly bindings still match.
 */
async function minifyPagefindScript(path: string): Promise<void> {
  const result = await minify('pagefind.js', await readFile(path, 'utf8'), { module: true, compress: true, mangle: true });
  if (result.errors.length > 0) throw new Error(`Could not minify ${path}: ${result.errors.map((e) => e.message).join('; ')}`);
  await writeFile(path, result.code);
}
