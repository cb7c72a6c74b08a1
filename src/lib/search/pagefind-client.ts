import { foldVietnamese } from '../text/fold';
import { escapeHtml } from '../text/html';

/** One search hit, ready to display. */
export interface SearchHit {
  url: string;
  title: string;
  platform: string;
  excerpt: string;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; platform?: string; summary?: string };
}
interface Pagefind {
  options(options: { noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Results shown (and result fragments downloaded) per search: each hit is one more file to fetch on
 * a slow network, and people choose among the first few.
 */
export const FIRST_RESULTS = 5;

/**
 * Loads the Pagefind index on first use (never on page load): the script, then only the index
 * chunks the query needs. Pagefind runs on the page's own thread: its web worker would be a second
 * script of about 12 kB to download before the first search, for a search that takes milliseconds.
 */
export function loadPagefind(): Promise<Pagefind> {
  const path = '/pagefind/pagefind.js';
  loading ??= import(/* @vite-ignore */ path).then(async (module: Pagefind) => {
    await module.options({ noWorker: true });
    await module.init();
    return module;
  });
  return loading;
}

/**
 * Searches the guides. The query is folded to unaccented words, which every guide carries as hidden
 * search terms, so "dang ky vssid" and "đăng ký VssID" find the same guides.
 */
export async function runSearch(query: string, platform = '', limit = FIRST_RESULTS): Promise<SearchHit[]> {
  const pagefind = await loadPagefind();
  const folded = foldVietnamese(query);
  const search = await pagefind.search(folded || query, platform ? { filters: { platform } } : {});
  const data = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
  return data.map((item) => ({
    url: item.url,
    title: item.meta.title ?? item.url,
    platform: item.meta.platform ?? '',
    // A guide's index holds folded, unaccented words, so its excerpt would read without accents:
    // its summary is shown instead. Other pages (communes) keep Pagefind's excerpt.
    excerpt: item.meta.summary ? escapeHtml(item.meta.summary) : item.excerpt,
  }));
}
