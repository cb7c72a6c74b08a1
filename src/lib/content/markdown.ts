import { marked } from 'marked';

/**
 * Renders one passage of a guide's Markdown (a step's body, a tip, a fix) as inline HTML: bold and
 * quoted screen labels, no paragraphs. Only for our own reviewed content, which is trusted HTML.
 */
export function inlineMarkdown(text: string): string {
  return marked.parseInline(text, { async: false }) as string;
}

/** Renders a guide's Markdown intro (paragraphs allowed) as HTML. Trusted content only, as above. */
export function blockMarkdown(text: string): string {
  return marked.parse(text, { async: false }) as string;
}
