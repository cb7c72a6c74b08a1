import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

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
