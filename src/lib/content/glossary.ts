/**
 * Glossary links on a guide page: the first use of each glossary term (or one of its aliases) in
 * the page's text links to its one-sentence meaning in the "Giải thích từ ngữ" section at the
 * bottom of the same page (`#tu-nfc`), which lists only the terms the page uses, each with a link
 * back to where it was first used. Plain links and a list: works without JavaScript, in print
 * (the section prints at the end) and on a small screen.
 */
import type { GlossaryTerm } from '../schemas/glossary';
import { attr, rewriteText } from './html-text';

/** Anchor of a term's meaning on the page: tu-nfc */
export function termAnchor(id: string): string {
  return `tu-${id}`;
}

/** A term used on the page, with the anchor of the place it was first used (for "Quay lại"). */
export interface UsedTerm {
  term: GlossaryTerm;
  /** Anchor of the first use ("buoc-3"), or null when it is not inside an anchored block. */
  backTo: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One page's glossary links. Pass every passage through `link` in reading order; then
 * `used()` lists the terms to explain at the bottom of the page.
 */
export class PageGlossary {
  private readonly pattern: RegExp | null;
  private readonly byForm = new Map<string, GlossaryTerm>();
  private readonly seen = new Map<string, UsedTerm>();

  constructor(terms: readonly GlossaryTerm[]) {
    for (const term of terms) {
      for (const form of [term.term, ...term.aliases]) this.byForm.set(form.toLocaleLowerCase('vi'), term);
    }
    // Longest forms first, so "CCCD gắn chip" wins over a shorter term inside it.
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = forms.length
      ? new RegExp(`(?<![\\p{L}\\p{N}_/.-])(?:${forms.join('|')})(?![\\p{L}\\p{N}_/-])`, 'giu')
      : null;
  }

  /**
   * Links the first use of each term not yet used on the page in one rendered passage. `backTo`
   * is the anchor of the block the passage is in (a step's `buoc-3`).
   */
  link(html: string, backTo: string | null = null): string {
    const pattern = this.pattern;
    if (!pattern) return html;
    return rewriteText(html, ({ text }) =>
      text.replace(pattern, (match) => {
        const term = this.byForm.get(match.toLocaleLowerCase('vi'));
        if (!term || this.seen.has(term.id)) return match;
        this.seen.set(term.id, { term, backTo });
        return `<a class="app-term" href="#${termAnchor(term.id)}" title="${attr(term.meaning)}">${match}</a>`;
      }),
    );
  }

  /** The terms linked so far, in order of first use. */
  used(): UsedTerm[] {
    return [...this.seen.values()];
  }
}
