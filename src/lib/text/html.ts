/**
 * Escapes text for HTML (and SVG/XML) content and for double- or single-quoted attributes, as
 * numeric character references. Used where markup is built as strings: the search page's results
 * (src/lib/search/results-html.ts) and the posters' QR codes (src/lib/qr/qr-svg.ts).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
