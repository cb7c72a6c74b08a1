/**
 * The guide and platform lists the pages show, in the order they show them. Pure functions over
 * content collection entries (or any object of the same shape), so the orders are unit-tested
 * without building the site.
 */
import type { Guide } from '../schemas/guide';
import type { Platform } from '../schemas/platform';

/** What these lists read of a guide entry; a `CollectionEntry<'guides'>` fits. */
export interface GuideListEntry {
  id: string;
  data: Pick<Guide, 'platform' | 'title' | 'code' | 'popular'>;
}

/** What these lists read of a platform entry; a `CollectionEntry<'platforms'>` fits. */
interface PlatformListEntry {
  id: string;
  data: Pick<Platform, 'order' | 'shortName'>;
}

/** Platforms in their display order (`order` in content/platforms.json). */
export function platformsInOrder<P extends PlatformListEntry>(platforms: readonly P[]): P[] {
  return [...platforms].sort((a, b) => a.data.order - b.data.order);
}

/** Platform id → short name (`vssid` → `VssID`), for cards in lists that mix platforms. */
export function shortNamesById(platforms: readonly PlatformListEntry[]): Record<string, string> {
  return Object.fromEntries(platforms.map((p) => [p.id, p.data.shortName]));
}

/** Platform id → number of guides (withdrawn ones included), for the home page's tiles. */
export function guideCountsByPlatform(
  platforms: readonly PlatformListEntry[],
  guides: readonly GuideListEntry[],
): Record<string, number> {
  return Object.fromEntries(platforms.map((p) => [p.id, guides.filter((g) => g.data.platform === p.id).length]));
}

/** Guides sorted by title, the Vietnamese way. */
export function byTitle<G extends GuideListEntry>(guides: readonly G[]): G[] {
  return [...guides].sort((a, b) => a.data.title.localeCompare(b.data.title, 'vi'));
}

/** The guides marked `popular: true`, in the order given. */
export function popularGuides<G extends GuideListEntry>(guides: readonly G[]): G[] {
  return guides.filter((g) => g.data.popular);
}

/**
 * The guides of one platform as its hub lists them: popular ones first, then by short code in
 * numeric order (vs2 before vs10), which is roughly the order they were written.
 */
export function hubGuides<G extends GuideListEntry>(guides: readonly G[], platformId: string): G[] {
  return guides
    .filter((guide) => guide.data.platform === platformId)
    .sort(
      (a, b) =>
        Number(b.data.popular) - Number(a.data.popular) || a.data.code.localeCompare(b.data.code, 'en', { numeric: true }),
    );
}

/** Every platform (in the order given) with its guides by title, for the list of all guides. */
export function guidesGroupedByPlatform<P extends PlatformListEntry, G extends GuideListEntry>(
  platforms: readonly P[],
  guides: readonly G[],
): { platform: P; guides: G[] }[] {
  return platforms.map((platform) => ({
    platform,
    guides: byTitle(guides.filter((guide) => guide.data.platform === platform.id)),
  }));
}
