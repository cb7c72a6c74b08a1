/**
 * A guide page's text, rendered at build time in reading order (intro, what to prepare, common
 * steps, each way's steps, problems): Markdown to HTML, then phone numbers and SMS codes to
 * `tel:`/`sms:` links, then the first use of each glossary term to its meaning at the bottom of
 * the page. Pages only print these strings.
 */
import type { Guide } from '../schemas/guide';
import type { GlossaryTerm } from '../schemas/glossary';
import { PageGlossary, type UsedTerm } from './glossary';
import { guideLayout, type NumberedStep } from './guide-steps';
import { blockMarkdown, inlineMarkdown } from './markdown';
import { stepAnchor } from './paths';
import { linkPhones, plainTextWithPhones } from './phone-links';

/** A step ready to print: its numbers (see guide-steps.ts) and its passages as HTML. */
export interface StepView extends NumberedStep {
  anchor: string;
  titleHtml: string;
  bodyHtml: string;
  tipHtml: string | null;
  warningHtml: string | null;
}

/** A guide's text as HTML, in the order the page prints it. */
export interface GuideView {
  /** The summary, printed as the lead (plain text with phone links). */
  leadHtml: string;
  introHtml: string;
  prerequisitesHtml: string[];
  common: StepView[];
  ways: { number: number; titleHtml: string; whenHtml: string | null; anchor: string; steps: StepView[] }[];
  problems: { problemHtml: string; fixHtml: string }[];
  /** Glossary terms used on the page, in order of first use. */
  terms: UsedTerm[];
}

/** Anchor of a way's heading: cach-2 */
export function wayAnchor(n: number): string {
  return `cach-${n}`;
}

/** Renders a guide's passages (see the module comment). */
export function guideView(guide: Guide, intro: string, glossary: readonly GlossaryTerm[]): GuideView {
  const terms = new PageGlossary(glossary);
  const inline = (text: string, backTo: string | null) => terms.link(linkPhones(inlineMarkdown(text)), backTo);
  const introHtml = terms.link(linkPhones(blockMarkdown(intro)));
  const prerequisitesHtml = guide.prerequisites.map((item) => inline(item, 'can-chuan-bi'));
  const step = (numbered: NumberedStep): StepView => {
    const anchor = stepAnchor(numbered.position);
    const { title, body, tip, warning } = numbered.step;
    return {
      ...numbered,
      anchor,
      // Titles get phone links, not glossary links: a heading stays one link target at most.
      titleHtml: linkPhones(inlineMarkdown(title)),
      bodyHtml: inline(body, anchor),
      tipHtml: tip ? inline(tip, anchor) : null,
      warningHtml: warning ? inline(warning, anchor) : null,
    };
  };
  const layout = guideLayout(guide);
  const common = layout.common.map(step);
  const ways = layout.ways.map((way) => ({
    number: way.number,
    titleHtml: linkPhones(inlineMarkdown(way.title)),
    whenHtml: way.when ? linkPhones(inlineMarkdown(way.when)) : null,
    anchor: wayAnchor(way.number),
    steps: way.steps.map(step),
  }));
  const problems = guide.problems.map((item) => ({
    problemHtml: linkPhones(inlineMarkdown(item.problem)),
    fixHtml: inline(item.fix, 'loi-thuong-gap'),
  }));
  return { leadHtml: plainTextWithPhones(guide.summary), introHtml, prerequisitesHtml, common, ways, problems, terms: terms.used() };
}
