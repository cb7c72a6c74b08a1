import { marked } from 'marked';

/**
 * Renders one passage of a guide's Markdown (a step's body, a tip, a fix) as inline HTML: bold and
 * quoted screen labels, no paragraphs. Only for our own reviewed content, which is trusted HTML.
 */
export function inlineMarkdown(text: string): string {
  return marked.parseInline(text, { async: false }) as string;
}
