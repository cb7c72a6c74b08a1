/**
 * Several posters in one print job (/in/nhieu/?g=vs4,tx3&x=ha-tu): which posters the query asks
 * for, and what the status line says. Runs in the browser (src/components/poster/ManyPosters.astro),
 * so it imports nothing heavier than the message filler.
 */
import { fillMessage } from '../i18n/translator';

/**
 * Every poster the page may gather, by the query's two lists: `g` guide code → poster page,
 * `x` commune slug → poster page. Built at build time (posterCatalogue()); only these pages are
 * ever fetched, whatever the query says.
 */
export interface PosterCatalogue {
  g: Record<string, string>;
  x: Record<string, string>;
}

/** The posters a query asks for: pages to fetch, in the order chosen, and codes with no poster. */
interface RequestedPosters {
  paths: string[];
  unknown: string[];
}

/**
 * Reads the query: guides first, then communes, each list in the order chosen without repeats.
 * Accepts both `g=vs4,tx3` (a typed or shared link) and `g=vs4&g=tx3` (the index form's checkboxes).
 */
export function requestedPosters(params: URLSearchParams, catalogue: PosterCatalogue): RequestedPosters {
  const paths: string[] = [];
  const unknown: string[] = [];
  for (const kind of ['g', 'x'] as const) {
    const keys = new Set(params.getAll(kind).flatMap((value) => value.split(',')).map((v) => v.trim()).filter(Boolean));
    for (const key of keys) {
      if (Object.hasOwn(catalogue[kind], key)) paths.push(catalogue[kind][key]);
      else unknown.push(key);
    }
  }
  return { paths, unknown };
}

/**
 * The status line's messages, rendered at build time into data attributes: `loading`, `ready` and
 * `failed` take `{count}`, `unknown` takes `{codes}`.
 */
export interface ManyPostersMessages {
  loading: string;
  ready: string;
  none: string;
  unknown: string;
  failed: string;
}

/** While the posters' pages load. */
export function loadingStatus(messages: ManyPostersMessages, count: number): string {
  return fillMessage(messages.loading, { count });
}

/**
 * Once every page has answered: how many posters are ready (or that none was chosen), then what
 * went wrong: pages that failed to load, codes with no poster.
 */
export function gatheredStatus(
  messages: ManyPostersMessages,
  result: { requested: number; loaded: number; unknown: readonly string[] },
): string {
  const lines = [result.requested === 0 ? messages.none : fillMessage(messages.ready, { count: result.loaded })];
  const failed = result.requested - result.loaded;
  if (failed > 0) lines.push(fillMessage(messages.failed, { count: failed }));
  if (result.unknown.length > 0) lines.push(fillMessage(messages.unknown, { codes: result.unknown.join(', ') }));
  return lines.join(' ');
}
