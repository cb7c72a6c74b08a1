import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { platformSchema, PLATFORM_IDS } from '../../src/lib/schemas/platform.ts';
import { communeSchema } from '../../src/lib/schemas/commune.ts';
import { readGuideFiles, readJson } from '../support/content.ts';

const guides = readGuideFiles();

describe('content/', () => {
  it.each(guides.map((g) => [g.file, g] as const))('%s is a valid guide', (_file, guide) => {
    const parsed = guideSchema.parse(guide.frontmatter);
    expect(parsed.platform).toBe(guide.folder);
    expect(guide.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has at least 30 guides with unique short codes', () => {
    expect(guides.length).toBeGreaterThanOrEqual(30);
    const codes = guides.map((g) => guideSchema.parse(g.frontmatter).code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('lists the six platforms, each with at least one guide', () => {
    const platforms = (readJson('platforms.json') as unknown[]).map((p) => platformSchema.parse(p));
    expect(platforms.map((p) => p.id).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const platform of platforms) {
      expect(guides.some((g) => g.folder === platform.id), platform.id).toBe(true);
    }
  });

  it('lists the 54 commune-level units (30 phường, 22 xã, 2 đặc khu) with unique codes and slugs', () => {
    const communes = (readJson('communes.json') as unknown[]).map((c) => communeSchema.parse(c));
    expect(communes).toHaveLength(54);
    const count = (type: string) => communes.filter((c) => c.type === type).length;
    expect([count('phường'), count('xã'), count('đặc khu')]).toEqual([30, 22, 2]);
    expect(new Set(communes.map((c) => c.code)).size).toBe(54);
    expect(new Set(communes.map((c) => c.slug)).size).toBe(54);
  });
});
