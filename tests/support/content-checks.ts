/**
 * The content checks of `npm test` (tests/unit/content-checks.test.ts), as a function over one
 * guide's frontmatter and body, so the test can also prove that each check fails on a bad guide.
 * What a citizen reads is checked as the site renders it (src/lib/content/guide-view.ts).
 */
import { guideView } from '../../src/lib/content/guide-view.ts';
import { allSteps } from '../../src/lib/content/guide-steps.ts';
import type { GlossaryTerm } from '../../src/lib/schemas/glossary.ts';
import { guideSchema } from '../../src/lib/schemas/guide.ts';

/** Wording about how the project works, which means nothing to a citizen (content audit, section 4). */
export const INTERNAL_PHRASES = [
  'dự án chưa kiểm chứng',
  'chưa được dự án kiểm chứng',
  'ghi chú nghiên cứu',
  'nghiên cứu của dự án',
  'chưa đối chiếu',
  'đối chiếu với: ',
  'của dự án',
  'dự án chưa',
];

/** Text with tags and tel:/sms: links removed: what is left must hold no phone number. */
function unlinkedText(html: string): string {
  return html
    .replace(/<a\b[^>]*href="(?:tel|sms):[^"]*"[^>]*>[\s\S]*?<\/a>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

/**
 * What looks like a phone number, written any way (spaces, dots, dashes, +84): broader than what
 * the renderer links, so a number it misses fails here instead of being printed as plain text.
 */
const LOOKS_LIKE_PHONE = [
  /(?<![\p{N}/=.-])1[89]00[\s.-]?\d{2}[\s.-]?\d{2,4}(?![\p{N}])/gu,
  /(?<![\p{N}/=.-])(?:\+84|0)[\s.-]?\d{2,3}[\s.-]?\d{3}[\s.-]?\d{3,4}(?![\p{N}])/gu,
];

function phonesIn(text: string): string[] {
  return LOOKS_LIKE_PHONE.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}

/** Every problem of one guide, as "what: detail" lines (none: the guide passes). */
export function contentProblems(frontmatter: unknown, body: string, glossary: readonly GlossaryTerm[]): string[] {
  const raw = (frontmatter ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (!Array.isArray(raw.sources) || raw.sources.length === 0) problems.push('sources: cites no source');
  if (!Array.isArray(raw.prerequisites) || raw.prerequisites.length === 0) problems.push('prerequisites: none');
  const parsed = guideSchema.safeParse(frontmatter);
  if (!parsed.success) {
    return [...problems, ...parsed.error.issues.map((issue) => `schema: ${issue.path.join('.')}: ${issue.message}`)];
  }
  const guide = parsed.data;

  for (const [index, step] of allSteps(guide).entries()) {
    for (const [field, text] of [['title', step.title], ['body', step.body]] as const) {
      if (/^[\s*_"'“]*hoặc\b/iu.test(text)) {
        problems.push(`step ${index + 1} ${field} starts with "Hoặc" (an alternative numbered as a step; use ways): ${text.slice(0, 60)}`);
      }
    }
  }

  const view = guideView(guide, body, glossary);
  const stepHtml = [...view.common, ...view.ways.flatMap((way) => way.steps)].flatMap((s) => [s.titleHtml, s.bodyHtml, s.tipHtml ?? '', s.warningHtml ?? '']);
  const rendered = [
    view.leadHtml,
    view.introHtml,
    ...view.prerequisitesHtml,
    ...view.ways.flatMap((way) => [way.titleHtml, way.whenHtml ?? '']),
    ...stepHtml,
    ...view.problems.flatMap((p) => [p.problemHtml, p.fixHtml]),
  ];
  // Printed as they are, without the renderer: these may hold no phone number at all.
  const plain = [guide.title, guide.audience, ...guide.tasks];

  const printed = [...rendered.map(unlinkedText), ...plain].join('\n');
  for (const phrase of INTERNAL_PHRASES) {
    if (printed.toLocaleLowerCase('vi').includes(phrase)) problems.push(`internal wording: "${phrase}"`);
  }
  for (const phone of [...rendered.map(unlinkedText), ...plain].flatMap(phonesIn)) {
    problems.push(`phone number not rendered as a tel: link: ${phone}`);
  }
  return problems;
}
