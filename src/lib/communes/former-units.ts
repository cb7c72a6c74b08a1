/**
 * "Bạn ở xã/phường nào sau sáp nhập?": from a name people still use (a commune, ward or township
 * before 1 July 2025, a former district, or a current unit) to the unit(s) of today. An old unit
 * split between several new ones lists them all. Typed with or without diacritics, with or without
 * the type word ("phường", "xã", "thị trấn", "huyện" …), and small typos are forgiven (one
 * mistake in short names, two in longer ones; a swap of two letters counts as one). Pure.
 */
import { foldVietnamese } from '../text/fold';

/** What the lookup needs of a unit (content/communes.json). */
export interface LookupCommune {
  name: string;
  slug: string;
  formerUnits: readonly string[];
  formerDistricts: readonly string[];
}

/** One name that matched, and the units of today it leads to. */
export interface LookupMatch {
  /** The name as written in the data ("Phường Hà Khẩu", "Thành phố Hạ Long"). */
  name: string;
  /** current: a unit of today; former: a unit before 1/7/2025; district: a former district. */
  kind: 'current' | 'former' | 'district';
  units: { name: string; slug: string }[];
}

/** Type words (folded) that may start a name; they never decide a match. */
const TYPE_PREFIX = /^(thanh pho|thi tran|thi xa|dac khu|phuong|huyen|xa|tp|tt|p)\s+/;

/** A name folded, without its type word: "Thị trấn Bình Liêu" → "binh lieu". */
export function bareName(name: string): string {
  return foldVietnamese(name).replace(TYPE_PREFIX, '');
}

/** Edit distance with adjacent swaps (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[i][j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
    if (Math.min(...rows[i]) > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/**
 * A unit's former districts, one name each: content/communes.json writes two districts of one unit
 * as one string joined by "; " ("Huyện Bình Liêu; Huyện Tiên Yên").
 */
export function districtsOf(unit: Pick<LookupCommune, 'formerDistricts'>): string[] {
  return unit.formerDistricts.flatMap((entry) => entry.split(';').map((name) => name.trim())).filter(Boolean);
}

interface Entry extends LookupMatch {
  bare: string;
  folded: string;
}

/** Builds the index once; the returned function answers each query (at most `limit` names). */
export function createFormerUnitLookup(communes: readonly LookupCommune[]) {
  const entries = new Map<string, Entry>();
  const add = (name: string, kind: LookupMatch['kind'], unit: LookupCommune) => {
    const key = `${kind}|${foldVietnamese(name)}`;
    const entry = entries.get(key) ?? { name, kind, units: [], bare: bareName(name), folded: foldVietnamese(name) };
    if (!entry.units.some((u) => u.slug === unit.slug)) entry.units.push({ name: unit.name, slug: unit.slug });
    entries.set(key, entry);
  };
  for (const unit of communes) {
    add(unit.name, 'current', unit);
    for (const former of unit.formerUnits) add(former, 'former', unit);
    for (const district of districtsOf(unit)) add(district, 'district', unit);
  }
  const all = [...entries.values()];
  const kindRank = { current: 0, former: 1, district: 2 } as const;

  /** Best score of a query against an entry: 0 same name, 1 the start of it, 1 + edits within the allowance. */
  const score = (queries: string[], entry: Entry): number | null => {
    let best: number | null = null;
    for (const q of queries) {
      for (const name of [entry.bare, entry.folded]) {
        let s: number | null;
        if (name === q) s = 0;
        else if (q.length >= 3 && name.startsWith(q)) s = 1;
        else {
          const allowed = q.length <= 5 ? 1 : 2;
          const distance = editDistance(q, name, allowed);
          s = distance > allowed ? null : 1 + distance;
        }
        if (s !== null && (best === null || s < best)) best = s;
      }
    }
    return best;
  };

  return function lookup(query: string, limit = 8): LookupMatch[] {
    // "Phương Đông" starts with a word that is also a type word once folded: try the query whole too.
    const queries = [...new Set([bareName(query), foldVietnamese(query)])].filter((q) => q.length >= 2);
    if (queries.length === 0) return [];
    const scored: { entry: Entry; score: number }[] = [];
    for (const entry of all) {
      const s = score(queries, entry);
      if (s !== null) scored.push({ entry, score: s });
    }
    return scored
      .sort((a, b) => a.score - b.score || kindRank[a.entry.kind] - kindRank[b.entry.kind] || a.entry.name.localeCompare(b.entry.name, 'vi'))
      .slice(0, limit)
      .map(({ entry: { name, kind, units } }) => ({ name, kind, units }));
  };
}
