/**
 * The search page's result area as HTML, built in the browser from Pagefind's hits (see
 * src/components/search/GuideSearch.astro). Pure string functions, so the markup is unit-tested.
 */
import { fillMessage } from '../i18n/translator';
import { escapeHtml } from '../text/html';
import type { SearchHit } from './pagefind-client';

/**
 * The page's messages, rendered at build time into data attributes (t() never ships):
 * `resultsFor` and `none` take `{query}`, `count` takes `{count}`.
 */
export interface SearchMessages {
  loading: string;
  resultsFor: string;
  count: string;
  none: string;
  failed: string;
}

/** Shown while the index and the hits load. */
export function loadingHtml(messages: SearchMessages): string {
  return `<p>${escapeHtml(messages.loading)}</p>`;
}

/** The heading and the list of hits, or the heading and "nothing found" when there are none. */
export function resultsHtml(query: string, hits: readonly SearchHit[], messages: SearchMessages): string {
  const heading = `<h2>${escapeHtml(fillMessage(messages.resultsFor, { query }))}</h2>`;
  if (hits.length === 0) return `${heading}<p>${escapeHtml(fillMessage(messages.none, { query }))}</p>`;
  // Pagefind's excerpts are already HTML-escaped, with <mark> around the matched words.
  const items = hits.map(
    (hit) =>
      `<li class="app-result"><p class="app-result__platform">${escapeHtml(hit.platform)}</p>` +
      `<h3 class="app-result__title"><a href="${escapeHtml(hit.url)}">${escapeHtml(hit.title)}</a></h3>` +
      `<p class="app-result__excerpt">${hit.excerpt}</p></li>`,
  );
  return `${heading}<p>${escapeHtml(fillMessage(messages.count, { count: hits.length }))}</p><ol class="app-results">${items.join('')}</ol>`;
}

/** When the index cannot be loaded (offline, blocked): a way to every guide without search. */
export function failedHtml(messages: SearchMessages, guidesPath: string): string {
  return `<p>${escapeHtml(messages.failed)} <a href="${escapeHtml(guidesPath)}">${escapeHtml(guidesPath)}</a></p>`;
}

/** The page's own URL for a query and platform filter, kept in history so a reload shows the same. */
export function searchPageUrl(current: string, query: string, platform: string): string {
  const url = new URL(current);
  url.searchParams.set('q', query);
  if (platform) url.searchParams.set('nen-tang', platform);
  else url.searchParams.delete('nen-tang');
  return url.href;
}
