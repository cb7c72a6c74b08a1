/**
 * What goes on a printed poster, computed at build time from content and the configured site URL.
 * Pages only render these objects; everything a test needs to check (payload URLs, poster ids, key
 * steps) is decided here.
 */
import { bookingPath, shortPath } from '../content/paths';
import { t } from '../i18n/t';
import { displayUrl, qrPayload } from '../qr/payload';
import { qrSvg } from '../qr/qr-svg';
import { communePosterId, guidePosterId } from '../domain/poster-id';

/** Fewest and most key steps printed on a guide poster. */
export const POSTER_MIN_STEPS = 3;
export const POSTER_MAX_STEPS = 5;

/** Page of a guide poster: /in/vssid/quen-mat-khau/ */
export function guidePosterPath(platform: string, slug: string): string {
  return `/in/${platform}/${slug}/`;
}

/** Page of a commune poster: /in/xa/ha-tu/ */
export function communePosterPath(slug: string): string {
  return `/in/xa/${slug}/`;
}

/** The poster index, where teams choose what to print: /in/ */
export const POSTER_INDEX_PATH = '/in/';

/** The page that gathers several posters into one print job: /in/nhieu/?g=vs4,tx3&x=ha-tu */
export function manyPostersPath(selection: { guides?: string[]; communes?: string[] } = {}): string {
  const params = new URLSearchParams();
  if (selection.guides?.length) params.set('g', selection.guides.join(','));
  if (selection.communes?.length) params.set('x', selection.communes.join(','));
  const query = params.toString();
  return query ? `/in/nhieu/?${query}` : '/in/nhieu/';
}

/** Appends the poster id to a site-relative path as `p=<id>`, keeping any query it has. */
export function withPosterId(path: string, posterId: string): string {
  const [pathname, query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('p', posterId);
  return `${pathname}?${params.toString()}`;
}

/** A QR code ready to print: the encoded URL, its typed form and the SVG. */
export interface PosterQr {
  /** Absolute URL encoded in the code, with the poster id. */
  url: string;
  /** Host and path for people who type it (no scheme, no poster id). */
  text: string;
  /** Inline SVG markup. */
  svg: string;
}

function posterQr(path: string, site: URL | string | undefined, label: string): PosterQr {
  const url = qrPayload(path, site);
  return { url, text: displayUrl(url), svg: qrSvg(url, { errorCorrectionLevel: 'M', margin: 4, label }).svg };
}

/** The fields of a guide a poster needs (the content collection's data plus its slug). */
export interface PosterGuide {
  code: string;
  platform: string;
  slug: string;
  title: string;
  steps: readonly PosterStep[];
  /** Alternatives ("Cách 1", "Cách 2"), each with its own steps. */
  ways?: readonly { title: string; steps: readonly PosterStep[] }[];
  /** False while nobody has followed the steps in the real app: the poster says so. */
  checkedLive?: boolean;
}

/** A step as a poster needs it. */
export interface PosterStep {
  title: string;
  key?: boolean;
}

/** The key steps printed on a poster: the common ones, then those of each way that has some. */
export interface PosterSteps {
  common: string[];
  /** Ways with at least one printed step, with their number in the guide ("Cách 2"). */
  ways: { number: number; title: string; steps: string[] }[];
}

/** Step titles without Markdown emphasis: posters print plain words. */
function plain(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The 3–5 key steps printed on the poster, in their order in the guide (common steps, then each
 * way's): the steps marked `key: true`, or the first four when a guide marks too few. A way's
 * steps stay under the way's title, so a reader never takes an alternative for the next step.
 */
export function posterKeySteps(guide: Pick<PosterGuide, 'steps' | 'ways'>): PosterSteps {
  const ways = guide.ways ?? [];
  const flat = [
    ...guide.steps.map((step) => ({ step, way: 0 })),
    ...ways.flatMap((way, index) => way.steps.map((step) => ({ step, way: index + 1 }))),
  ];
  const key = flat.filter(({ step }) => step.key);
  const chosen = (key.length >= POSTER_MIN_STEPS ? key : flat.slice(0, 4)).slice(0, POSTER_MAX_STEPS);
  const titles = (way: number) => chosen.filter((entry) => entry.way === way).map(({ step }) => plain(step.title));
  return {
    common: titles(0),
    ways: ways
      .map((way, index) => ({ number: index + 1, title: plain(way.title), steps: titles(index + 1) }))
      .filter((way) => way.steps.length > 0),
  };
}

/** Everything printed on a guide poster. */
export interface GuidePosterData {
  /** Poster id carried by both QR codes (`g-vs4`). */
  id: string;
  /** The poster's own page. */
  path: string;
  code: string;
  title: string;
  keySteps: PosterSteps;
  /** False when the steps have not been followed in the real app yet (the poster says so). */
  checkedLive: boolean;
  /** Big code: the short link `/g/<code>/?p=<id>`. */
  guideQr: PosterQr;
  /** Small code: the booking form with the guide preselected. */
  bookingQr: PosterQr;
}

/** Builds a guide poster for the configured site. */
export function guidePoster(guide: PosterGuide, site: URL | string | undefined): GuidePosterData {
  const id = guidePosterId(guide.code);
  return {
    id,
    path: guidePosterPath(guide.platform, guide.slug),
    code: guide.code,
    title: guide.title,
    keySteps: posterKeySteps(guide),
    checkedLive: guide.checkedLive ?? false,
    guideQr: posterQr(withPosterId(shortPath(guide.code), id), site, t('poster.guide.qrLabel', { title: guide.title })),
    bookingQr: posterQr(bookingPath({ guide: guide.code, poster: id }), site, t('poster.guide.bookingQrLabel')),
  };
}

/** The fields of a commune a poster needs. */
export interface PosterCommune {
  slug: string;
  name: string;
}

/** A guide listed on a commune poster, with its short path for people who type it. */
export interface PosterGuideLink {
  code: string;
  title: string;
  /** The short link's path (`/g/vs4/`); the host is printed once above the list. */
  path: string;
}

/** Everything printed on a commune poster. */
export interface CommunePosterData {
  /** Poster id carried by the QR code (`x-ha-tu`). */
  id: string;
  path: string;
  slug: string;
  name: string;
  /** The booking form with the commune preselected. */
  bookingQr: PosterQr;
  /** The site's host as people type it (`trogiupso.example.vn`), printed once above the guide list. */
  host: string;
  /** The guides most asked for. */
  guides: PosterGuideLink[];
}

/** Most guides listed on a commune poster (more would not fit the page at a readable size). */
export const COMMUNE_POSTER_MAX_GUIDES = 6;

/** Builds a commune poster for the configured site. */
export function communePoster(
  commune: PosterCommune,
  popularGuides: readonly { code: string; title: string }[],
  site: URL | string | undefined,
): CommunePosterData {
  const id = communePosterId(commune.slug);
  return {
    id,
    path: communePosterPath(commune.slug),
    slug: commune.slug,
    name: commune.name,
    bookingQr: posterQr(
      bookingPath({ commune: commune.slug, poster: id }),
      site,
      t('poster.commune.qrLabel', { commune: commune.name }),
    ),
    host: new URL(qrPayload('/', site)).host,
    guides: popularGuides.slice(0, COMMUNE_POSTER_MAX_GUIDES).map((guide) => ({
      code: guide.code,
      title: guide.title,
      path: shortPath(guide.code),
    })),
  };
}
