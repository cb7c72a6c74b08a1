import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareName, createFormerUnitLookup, editDistance } from '../../src/lib/communes/former-units.ts';
import { foldVietnamese } from '../../src/lib/text/fold.ts';

interface Unit {
  name: string;
  slug: string;
  formerUnits: string[];
  formerDistricts: string[];
}
const communes = JSON.parse(readFileSync(new URL('../../content/communes.json', import.meta.url), 'utf8')) as Unit[];
const lookup = createFormerUnitLookup(communes);

/** A typo in the middle of a word: two neighbouring letters swapped (or one dropped when they are equal). */
function typo(text: string): string {
  const i = Math.floor(text.length / 2);
  if (text[i] === ' ' || text[i - 1] === ' ' || text[i] === text[i - 1]) return text.slice(0, i) + text.slice(i + 1);
  return text.slice(0, i - 1) + text[i] + text[i - 1] + text.slice(i + 1);
}

/** Whether a query finds the former unit leading to the unit. */
function finds(query: string, former: string, unit: Unit): boolean {
  return lookup(query).some((match) => match.kind === 'former' && match.name === former && match.units.some((u) => u.slug === unit.slug));
}

describe('"Bạn ở xã/phường nào sau sáp nhập?" lookup', () => {
  const entries = communes.flatMap((unit) => unit.formerUnits.map((former) => ({ unit, former })));

  it('covers the data: 54 units and their former units', () => {
    expect(communes).toHaveLength(54);
    expect(entries.length).toBeGreaterThan(150);
  });

  it.each(entries.map((e) => [e.former, e.unit.name, e.unit] as const))('finds %s → %s as written, unaccented and with a typo', (former, _, unit) => {
    expect(finds(former, former, unit), 'as written').toBe(true);
    expect(finds(foldVietnamese(former), former, unit), 'unaccented').toBe(true);
    expect(finds(bareName(former), former, unit), 'without the type word').toBe(true);
    expect(finds(typo(bareName(former)), former, unit), `typo "${typo(bareName(former))}"`).toBe(true);
  });

  it('lists every new unit of an old unit that was split', () => {
    const [hakhau] = lookup('ha khau');
    expect(hakhau.name).toBe('Phường Hà Khẩu');
    expect(hakhau.units.map((u) => u.slug).sort()).toEqual(['tuan-chau', 'viet-hung']);
    const hailang = lookup('Xã Hải Lạng').find((m) => m.kind === 'former')!;
    expect(hailang.units.map((u) => u.slug).sort()).toEqual(['ba-che', 'hai-hoa', 'hai-lang']);
  });

  it('keeps an old ward apart from an old commune of the same name', () => {
    const matches = lookup('hai hoa').filter((m) => m.kind === 'former');
    expect(matches.slice(0, 2).map((m) => m.name).sort()).toEqual(['Phường Hải Hòa', 'Xã Hải Hòa']);
    expect(matches.find((m) => m.name === 'Phường Hải Hòa')!.units.map((u) => u.slug)).toEqual(['mong-cai-1']);
  });

  it('finds a former district and the units in it', () => {
    const binhlieu = lookup('huyen binh lieu').find((m) => m.kind === 'district')!;
    expect(binhlieu.name).toBe('Huyện Bình Liêu');
    expect(binhlieu.units.map((u) => u.slug).sort()).toEqual(['binh-lieu', 'hoanh-mo', 'luc-hon', 'tien-yen']);
  });

  it('puts an exact match first and answers nothing for nonsense', () => {
    expect(lookup('hung thang')[0]).toMatchObject({ name: 'Phường Hùng Thắng', units: [{ slug: 'bai-chay' }] });
    expect(lookup('zzzz qqqq')).toEqual([]);
    expect(lookup('a')).toEqual([]);
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('ha khau', 'ha khua')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'a')).toBe(3);
  });
});
