import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { retiredCodesSchema, type RetiredCode } from '../../src/lib/schemas/retired-code.ts';
import { resolveShortLinks, type ShortLinkGuide } from '../../src/lib/content/short-links.ts';
import { guidePath } from '../../src/lib/content/paths.ts';
import { readGuideFiles, readJson } from '../support/content.ts';
import snapshot from './short-codes.snapshot.json';

/** The guides of content/, as the /g/[code] pages see them. */
const guides: ShortLinkGuide[] = readGuideFiles().map((file) => {
  const data = guideSchema.parse(file.frontmatter);
  return { code: data.code, platform: data.platform, slug: file.slug, replacedBy: data.replacedBy };
});
const retired = retiredCodesSchema.parse(readJson('retired-codes.json'));
const links = new Map(resolveShortLinks(guides, retired).map((link) => [link.code, link]));
const printed = Object.keys(snapshot.codes);

describe('short codes printed on posters', () => {
  it('content/retired-codes.json is valid', () => {
    expect(() => retiredCodesSchema.parse(readJson('retired-codes.json'))).not.toThrow();
  });

  it('are unique across guides', () => {
    const codes = guides.map((guide) => guide.code);
    expect(codes.length - new Set(codes).size).toBe(0);
  });

  it.each(printed)('%s still opens a page (guide, replacement or platform hub)', (code) => {
    const link = links.get(code);
    // A missing code means a change would turn printed posters into 404s: keep the code on its
    // guide, set replacedBy on a withdrawn guide, or list the code in content/retired-codes.json.
    expect(link, `short code ${code} no longer resolves`).toBeDefined();
    expect(link!.target).toMatch(/^\/[a-z0-9-]+\/([a-z0-9-]+\/)?$/);
  });

  it('keeps every printed code on its guide while that guide exists and is not withdrawn', () => {
    for (const [code, id] of Object.entries(snapshot.codes)) {
      const [platform, slug] = id.split('/');
      const sameGuide = guides.find((guide) => guide.platform === platform && guide.slug === slug);
      // A guide may be renamed or moved (its id changes), but a guide that still exists under its
      // old id must keep its code, or its posters would open something else.
      if (sameGuide && !sameGuide.replacedBy) expect(sameGuide.code, `${id} changed its code`).toBe(code);
    }
  });

  it('lists every current code in the snapshot (add new guides to tests/unit/short-codes.snapshot.json)', () => {
    const missing = guides.map((guide) => guide.code).filter((code) => !printed.includes(code));
    expect(missing).toEqual([]);
  });

  it('opens each live guide at its own page', () => {
    for (const guide of guides.filter((g) => !g.replacedBy)) {
      expect(links.get(guide.code)).toEqual({ code: guide.code, target: guidePath(guide.platform, guide.slug), kind: 'guide' });
    }
  });
});

describe('resolveShortLinks()', () => {
  const base: ShortLinkGuide[] = [
    { code: 'vs1', platform: 'vssid', slug: 'cai-dat' },
    { code: 'vs2', platform: 'vssid', slug: 'cu', replacedBy: 'vs3' },
    { code: 'vs3', platform: 'vssid', slug: 'moi' },
  ];
  const retire = (entry: Omit<RetiredCode, 'note'>): RetiredCode => ({ note: 'removed in a test', ...entry });

  it('sends a withdrawn guide to its replacement', () => {
    const result = resolveShortLinks(base);
    expect(result.find((l) => l.code === 'vs2')).toEqual({ code: 'vs2', target: '/vssid/moi/', kind: 'replaced' });
  });

  it('follows a retired code through replacements to a live guide', () => {
    const result = resolveShortLinks(base, [retire({ code: 'vs9', replacedBy: 'vs2' })]);
    expect(result.find((l) => l.code === 'vs9')).toEqual({ code: 'vs9', target: '/vssid/moi/', kind: 'replaced' });
  });

  it('sends a retired code without replacement to the platform hub', () => {
    const result = resolveShortLinks(base, [retire({ code: 'vs8', platform: 'vssid' })]);
    expect(result.find((l) => l.code === 'vs8')).toEqual({ code: 'vs8', target: '/vssid/', kind: 'platform' });
  });

  it('refuses a code used twice', () => {
    expect(() => resolveShortLinks([...base, { code: 'vs1', platform: 'etax', slug: 'x' }])).toThrow(/more than one guide/);
  });

  it('refuses a retired code used again by a guide', () => {
    expect(() => resolveShortLinks(base, [retire({ code: 'vs1', platform: 'vssid' })])).toThrow(/retired but used again/);
  });

  it('refuses a replacement that does not exist', () => {
    expect(() => resolveShortLinks([{ code: 'vs1', platform: 'vssid', slug: 'a', replacedBy: 'zz9' }])).toThrow(/unknown code "zz9"/);
  });

  it('refuses replacements that go round in a cycle', () => {
    expect(() =>
      resolveShortLinks([
        { code: 'aa1', platform: 'vssid', slug: 'a', replacedBy: 'bb2' },
        { code: 'bb2', platform: 'vssid', slug: 'b', replacedBy: 'aa1' },
      ]),
    ).toThrow(/cycle/);
  });

  it('requires a retired code to name exactly one destination', () => {
    expect(retiredCodesSchema.safeParse([{ code: 'vs8', note: 'no destination' }]).success).toBe(false);
    expect(
      retiredCodesSchema.safeParse([{ code: 'vs8', replacedBy: 'vs1', platform: 'vssid', note: 'two destinations' }]).success,
    ).toBe(false);
  });
});
