/**
 * The poster lists of the poster index (/in/) and the combined print page (/in/nhieu/), built at
 * build time from the entries in ./content.ts.
 */
import type { PosterGuideEntry } from './content';
import type { PosterCatalogue } from './many-posters';
import { communePosterPath, guidePosterPath } from './posters';

/** Guide code → poster page and commune slug → poster page: what /in/nhieu/ may fetch. */
export function posterCatalogue(
  guides: readonly Pick<PosterGuideEntry, 'code' | 'platform' | 'slug'>[],
  communes: readonly { slug: string }[],
): PosterCatalogue {
  return {
    g: Object.fromEntries(guides.map((g) => [g.code, guidePosterPath(g.platform, g.slug)])),
    x: Object.fromEntries(communes.map((c) => [c.slug, communePosterPath(c.slug)])),
  };
}

/** One platform's guides on the poster index. */
export interface PosterGuideGroup<G> {
  platform: string;
  platformName: string;
  guides: G[];
}

/** Guides grouped by platform, platforms and guides in the order given (allGuideEntries()'s order). */
export function postersByPlatform<G extends Pick<PosterGuideEntry, 'platform' | 'platformName'>>(
  guides: readonly G[],
): PosterGuideGroup<G>[] {
  const groups = new Map<string, PosterGuideGroup<G>>();
  for (const guide of guides) {
    const group = groups.get(guide.platform) ?? { platform: guide.platform, platformName: guide.platformName, guides: [] };
    group.guides.push(guide);
    groups.set(guide.platform, group);
  }
  return [...groups.values()];
}
