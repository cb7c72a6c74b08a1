import { foldVietnamese } from '../text/fold';

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
  meta: { title?: string; platform?: string };
}
interface Pagefind {
  init(): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Loads the Pagefind index on first use (never on page load): the script, then only the index
 * chunks the query needs.
 */
export function loadPagefind(): Promise<Pagefind> {
  const path = '/pagefind/pagefind.js';
  loading ??= import(/* @vite-ignore */ path).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return loading;
}

/**
 * Searches the guides. The query is folded to unaccented words, which every guide carries as hidden
 * search terms, so "dang ky vssid" and "đăng ký VssID" find the same guides.
 */
export async function runSearch(query: string, platform = '', limit = 10): Promise<SearchHit[]> {
  const pagefind = await loadPagefind();
  const folded = foldVietnamese(query);
  const search = await pagefind.search(folded || query, platform ? { filters: { platform } } : {});
  const data = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
  return data.map((item) => ({
    url: item.url,
    title: item.meta.title ?? item.url,
    platform: item.meta.platform ?? '',
    excerpt: item.excerpt,
  }));
}
