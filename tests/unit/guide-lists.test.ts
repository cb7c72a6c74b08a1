import { describe, expect, it } from 'vitest';
import {
  byTitle,
  guideCountsByPlatform,
  guidesGroupedByPlatform,
  hubGuides,
  platformsInOrder,
  popularGuides,
  shortNamesById,
  type GuideListEntry,
} from '../../src/lib/content/guide-lists.ts';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import { platformSchema } from '../../src/lib/schemas/platform.ts';
import { readGuideFiles, readJson } from '../support/content.ts';

/** content/ as the pages get it from the collections: entries with an id and the parsed data. */
const guides = readGuideFiles().map((file) => ({ id: `${file.folder}/${file.slug}`, data: guideSchema.parse(file.frontmatter) }));
const platforms = (readJson('platforms.json') as unknown[]).map((p) => platformSchema.parse(p)).map((data) => ({ id: data.id, data }));

const guide = (code: string, title: string, popular = false, platform: GuideListEntry['data']['platform'] = 'vssid'): GuideListEntry => ({
  id: `${platform}/${code}`,
  data: { code, title, popular, platform },
});

describe('guide and platform lists', () => {
  it('orders platforms by their `order`, without touching the list given', () => {
    const reversed = [...platforms].reverse();
    const ordered = platformsInOrder(reversed);
    expect(ordered.map((p) => p.data.order)).toEqual([...platforms.map((p) => p.data.order)].sort((a, b) => a - b));
    expect(reversed[0]).toBe(platforms.at(-1));
  });

  it('names platforms by id and counts every guide once', () => {
    expect(shortNamesById(platforms).vssid).toBe('VssID');
    const counts = guideCountsByPlatform(platforms, guides);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(guides.length);
  });

  it('sorts titles the Vietnamese way (Đ after D, Ứ after U)', () => {
    const titles = byTitle([guide('a1', 'Ứng dụng'), guide('a2', 'Đăng ký'), guide('a3', 'Dịch vụ'), guide('a4', 'Uống')]);
    expect(titles.map((g) => g.data.title)).toEqual(['Dịch vụ', 'Đăng ký', 'Uống', 'Ứng dụng']);
  });

  it('keeps the popular guides in the order given', () => {
    const list = [guide('a1', 'B', true), guide('a2', 'A'), guide('a3', 'A', true)];
    expect(popularGuides(list).map((g) => g.data.code)).toEqual(['a1', 'a3']);
  });

  it("lists a hub's guides popular first, then by code in numeric order", () => {
    const list = [guide('vs10', 'X'), guide('vs2', 'Y'), guide('vs11', 'Z', true), guide('vn1', 'W', false, 'vneid')];
    expect(hubGuides(list, 'vssid').map((g) => g.data.code)).toEqual(['vs11', 'vs2', 'vs10']);
  });

  it('groups every guide under its platform, by title, platforms in the order given', () => {
    const ordered = platformsInOrder(platforms);
    const groups = guidesGroupedByPlatform(ordered, guides);
    expect(groups.map((g) => g.platform.id)).toEqual(ordered.map((p) => p.id));
    expect(groups.flatMap((g) => g.guides)).toHaveLength(guides.length);
    for (const group of groups) {
      expect(group.guides.every((g) => g.data.platform === group.platform.id)).toBe(true);
      expect(group.guides).toEqual(byTitle(group.guides));
    }
  });
});
