/**
 * Rewriting the words of a rendered passage (our own Markdown, rendered to inline HTML) without
 * touching its tags, attributes, or text already inside a link: what the phone and glossary
 * linkers share.
 */

/** A text run of the passage, with the text before it in the same passage (tags removed). */
export interface TextRun {
  text: string;
  /** Text of the passage before this run, for rules that look behind ("gửi đến 8079"). */
  before: string;
}

/**
 * Calls `rewrite` on every text run outside `<a>` elements and returns the passage with each run
 * replaced by what it returned (HTML). Text inside links is left as it is, so a phone number in a
 * link stays one link and a rewrite never nests links.
 */
export function rewriteText(html: string, rewrite: (run: TextRun) => string): string {
  let linkDepth = 0;
  let before = '';
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a[\s>]/i.test(part)) linkDepth += 1;
        else if (/^<\/a\s*>/i.test(part)) linkDepth = Math.max(0, linkDepth - 1);
        return part;
      }
      const out = linkDepth > 0 || part === '' ? part : rewrite({ text: part, before });
      before += part;
      return out;
    })
    .join('');
}

/** Escapes the characters that matter in an HTML attribute value. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
