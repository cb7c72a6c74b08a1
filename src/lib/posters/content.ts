/**
 * Content for posters, read from the collections at build time: which guides get a poster (those
 * not withdrawn), in what order, and which guides a commune poster lists. Used by the pages under
 * src/pages/in/ and src/pages/g/.
 */
import { getCollection } from 'astro:content';
import type { PosterGuide } from './posters';
import type { ShortLinkGuide } from '../content/short-links';

/** A guide with its platform and slug, as posters and short links need it. */
export interface PosterGuideEntry extends PosterGuide, ShortLinkGuide {
  platformName: string;
  platformOrder: number;
  popular: boolean;
  withdrawn: boolean;
}

/** Every guide (withdrawn ones included), ordered by platform and then title. */
export async function allGuideEntries(): Promise<PosterGuideEntry[]> {
  const [guides, platforms] = await Promise.all([getCollection('guides'), getCollection('platforms')]);
  const platformById = new Map(platforms.map((p) => [p.id, p.data]));
  return guides
    .map((guide) => {
      const platform = platformById.get(guide.data.platform);
      if (!platform) throw new Error(`Guide ${guide.id} names unknown platform ${guide.data.platform}`);
      return {
        code: guide.data.code,
        platform: guide.data.platform,
        slug: guide.id.slice(guide.id.indexOf('/') + 1),
        title: guide.data.title,
        steps: guide.data.steps,
        ways: guide.data.ways,
        checkedLive: guide.data.reviewed.checkedLive,
        replacedBy: guide.data.replacedBy,
        platformName: platform.shortName,
        platformOrder: platform.order,
        popular: guide.data.popular,
        withdrawn: guide.data.replacedBy !== undefined,
      };
    })
    .sort((a, b) => a.platformOrder - b.platformOrder || a.title.localeCompare(b.title, 'vi'));
}

/** Guides that get a poster: every guide that is not withdrawn. */
export async function posterGuideEntries(): Promise<PosterGuideEntry[]> {
  return (await allGuideEntries()).filter((guide) => !guide.withdrawn);
}

/** The guides most asked for (`popular: true`), for commune posters. */
export async function popularGuideEntries(): Promise<PosterGuideEntry[]> {
  return (await posterGuideEntries()).filter((guide) => guide.popular);
}

/** Every commune, in the order of content/communes.json. */
export async function communeEntries() {
  return (await getCollection('communes')).map((entry) => entry.data);
}
