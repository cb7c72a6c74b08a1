import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { guideSchema } from './lib/schemas/guide';
import { platformSchema } from './lib/schemas/platform';
import { communeSchema } from './lib/schemas/commune';
import { glossaryTermSchema } from './lib/schemas/glossary';

/**
 * Content collections, read from the top-level content/ folder. The schemas live in src/lib/schemas
 * so the islands and tests validate with the same rules. Invalid content fails the build, naming
 * the file and the field.
 */
export const collections = {
  /** content/guides/<platform>/<slug>.md; entry id = "<platform>/<slug>". */
  guides: defineCollection({
    loader: glob({ pattern: '**/*.md', base: './content/guides' }),
    schema: guideSchema,
  }),
  /** content/platforms.json; entry id = platform id. */
  platforms: defineCollection({
    loader: file('./content/platforms.json'),
    schema: platformSchema,
  }),
  /** content/communes.json; entry id = commune slug. */
  communes: defineCollection({
    loader: file('./content/communes.json', {
      parser: (text) => (JSON.parse(text) as { slug: string }[]).map((c) => ({ id: c.slug, ...c })),
    }),
    schema: communeSchema,
  }),
  /** content/glossary.json; entry id = term id. Terms linked from their first use on a guide page. */
  glossary: defineCollection({
    loader: file('./content/glossary.json'),
    schema: glossaryTermSchema,
  }),
};
