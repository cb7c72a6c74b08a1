/**
 * Short links `/g/<code>/`: where each printed code leads. Pure functions over plain data, used by
 * the `/g/[code]` pages at build time and by the unit tests (which hold the list of codes ever
 * printed, so that no change can break a poster on a wall).
 *
 * - a live guide's code opens the guide;
 * - a withdrawn guide (`replacedBy` in its frontmatter) opens its replacement, following chains;
 * - a code in content/retired-codes.json (its guide was deleted) opens its replacement guide or,
 *   when there is none, the platform hub.
 * Anything inconsistent (a duplicate code, a code reused after retirement, an unknown replacement,
 * a cycle) throws, so the build fails instead of a poster ending on a 404.
 */
import { guidePath, platformPath } from './paths';
import type { RetiredCode } from '../schemas/retired-code';

/** The fields of a guide that short links need. */
export interface ShortLinkGuide {
  code: string;
  platform: string;
  slug: string;
  replacedBy?: string;
}

/** Where a short code leads. */
export interface ShortLink {
  code: string;
  /** Site-relative path of the page it opens. */
  target: string;
  /** `guide`: its own guide; `replaced`: a replacement guide; `platform`: a platform hub. */
  kind: 'guide' | 'replaced' | 'platform';
}

/** Resolves every short code (live, withdrawn and retired) to the page it opens. */
export function resolveShortLinks(guides: readonly ShortLinkGuide[], retired: readonly RetiredCode[] = []): ShortLink[] {
  type Node = { kind: 'guide'; guide: ShortLinkGuide } | { kind: 'retired'; entry: RetiredCode };
  const nodes = new Map<string, Node>();
  for (const guide of guides) {
    if (nodes.has(guide.code)) throw new Error(`Short code "${guide.code}" is used by more than one guide`);
    nodes.set(guide.code, { kind: 'guide', guide });
  }
  for (const entry of retired) {
    const existing = nodes.get(entry.code);
    if (existing?.kind === 'guide') {
      throw new Error(`Short code "${entry.code}" is retired but used again by ${existing.guide.platform}/${existing.guide.slug}`);
    }
    if (existing) throw new Error(`Retired code "${entry.code}" is listed twice`);
    nodes.set(entry.code, { kind: 'retired', entry });
  }

  const resolve = (code: string): ShortLink => {
    const seen: string[] = [];
    let current = code;
    for (;;) {
      if (seen.includes(current)) throw new Error(`Short codes replace each other in a cycle: ${[...seen, current].join(' → ')}`);
      seen.push(current);
      const node = nodes.get(current);
      if (!node) throw new Error(`Short code "${seen[seen.length - 2]}" is replaced by unknown code "${current}"`);
      const next = node.kind === 'guide' ? node.guide.replacedBy : node.entry.replacedBy;
      if (next) {
        current = next;
        continue;
      }
      if (node.kind === 'guide') {
        return { code, target: guidePath(node.guide.platform, node.guide.slug), kind: seen.length === 1 ? 'guide' : 'replaced' };
      }
      // A retired code without a replacement guide: the schema guarantees a platform.
      return { code, target: platformPath(node.entry.platform!), kind: 'platform' };
    }
  };

  return [...nodes.keys()].sort().map(resolve);
}
