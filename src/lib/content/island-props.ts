/**
 * What the React islands receive from the content collections. Only these fields travel to the
 * browser (they are serialised into the page), so each function keeps just what its island uses.
 */
import type { Commune } from '../schemas/commune';
import type { Guide } from '../schemas/guide';
import type { Platform } from '../schemas/platform';
import { slugFromId } from './guides';
import { allSteps } from './guide-steps';
import { guidePath, platformPath } from './paths';
import { platformsInOrder } from './guide-lists';
import { communePosterId, guidePosterId } from '../domain/poster-id';

interface CommuneEntry {
  data: Commune;
}
interface GuideEntry {
  id: string;
  data: Pick<Guide, 'code' | 'title' | 'platform' | 'steps' | 'replacedBy'>;
}
interface PlatformEntry {
  id: string;
  data: Pick<Platform, 'id' | 'shortName' | 'order'>;
}

/**
 * The booking form's choices: communes by name (with former names and centres, for the commune
 * picker and "nearest"), the guides a citizen may come from (`?huong-dan=&buoc=`, withdrawn ones
 * left out) and the platforms offered as needs, in display order.
 */
export function bookingFormProps(
  communes: readonly CommuneEntry[],
  guides: readonly GuideEntry[],
  platforms: readonly PlatformEntry[],
) {
  return {
    communes: communes
      .map(({ data }) => ({
        code: data.code,
        name: data.name,
        slug: data.slug,
        formerUnits: data.formerUnits,
        lat: data.lat,
        lon: data.lon,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    guides: guides
      .filter(({ data }) => !data.replacedBy)
      .map(({ data }) => ({ code: data.code, title: data.title, platform: data.platform, steps: allSteps(data).length })),
    platforms: platformsInOrder(platforms).map(({ data }) => ({ id: data.id, name: data.shortName })),
  };
}

/**
 * Links for the team workspace, so a request can point to the guide (and step) the citizen got
 * stuck on: guide code → title, path and platform (withdrawn guides left out); platform id → short
 * name and hub path.
 */
export function teamWorkspaceProps(guides: readonly GuideEntry[], platforms: readonly PlatformEntry[]) {
  return {
    guides: Object.fromEntries(
      guides
        .filter(({ data }) => !data.replacedBy)
        .map(({ id, data }) => [
          data.code,
          { title: data.title, path: guidePath(data.platform, slugFromId(id)), platform: data.platform },
        ]),
    ),
    platforms: Object.fromEntries(platforms.map(({ data }) => [data.id, { name: data.shortName, path: platformPath(data.id) }])),
  };
}

/** Communes for the admin workspace's filters and team form: code and name, by name. */
export function adminCommunes(communes: readonly CommuneEntry[]): { code: string; name: string }[] {
  return communes.map(({ data }) => ({ code: data.code, name: data.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The admin statistics' poster names: each poster id (`g-vs4`, `x-ha-tu`) with the guide's title or
 * the commune's name, so that scans are labelled by what was printed, not by raw ids.
 */
export function adminPosterNames(
  guides: readonly GuideEntry[],
  communes: readonly CommuneEntry[],
  label: { guide(title: string): string; commune(name: string): string },
): Record<string, string> {
  return Object.fromEntries([
    ...guides.map(({ data }) => [guidePosterId(data.code), label.guide(data.title)]),
    ...communes.map(({ data }) => [communePosterId(data.slug), label.commune(data.name)]),
  ]);
}
