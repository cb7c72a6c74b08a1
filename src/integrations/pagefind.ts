import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Word locations per index chunk (Pagefind's default is 20,000). A search downloads the chunk holding
 * each of its words; at the default the whole index was 2 chunks, so one query paid ~35 kB. Small
 * chunks cost a few more requests and a slightly larger chunk list in the metadata file, but a
 * first search then downloads a few kB of index. Pagefind 1.6 reads this only from the environment
 * of its service process (spawned on first use, inheriting ours); the first-search budget in
 * tests/e2e/budgets.spec.ts fails if a Pagefind upgrade stops honouring it.
 */
const INDEX_CHUNK_SIZE = '1000';

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
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Date.now() - started} ms`);
      },
    },
  };
}
