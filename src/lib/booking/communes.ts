import { foldVietnamese } from '../text/fold';

/** What the commune chooser needs to know about a commune-level unit. */
export interface CommuneChoice {
  code: string;
  name: string;
  slug: string;
  /** Units merged into this one on 1 July 2025 (people still use the old names). */
  formerUnits: string[];
  lat: number;
  lon: number;
}

interface Indexed {
  commune: CommuneChoice;
  name: string[];
  former: string[][];
  slug: string;
}

/** Type words that match every unit, so they never decide a search on their own. */
const TYPE_WORDS = new Set(['phuong', 'xa', 'dac', 'khu']);

function words(text: string): string[] {
  return foldVietnamese(text).split(' ').filter(Boolean);
}

/** True when every query word starts one of the words. */
function allMatch(query: string[], target: string[]): boolean {
  return query.every((q) => target.some((w) => w.startsWith(q)));
}

/**
 * Searches communes by name without diacritics ("ha long" finds "Phường Hạ Long"), by slug, and by
 * the names of the units merged into them ("hung thang" finds "Phường Bãi Cháy"). Current names
 * rank first, then former names; at most `limit` results.
 */
export function createCommuneSearch(communes: CommuneChoice[]) {
  const index: Indexed[] = communes.map((commune) => ({
    commune,
    name: words(commune.name),
    former: commune.formerUnits.map(words),
    slug: commune.slug,
  }));
  return function search(query: string, limit = 8): CommuneChoice[] {
    const all = words(query);
    const q = all.filter((w) => !TYPE_WORDS.has(w));
    if (q.length === 0) return [];
    const ranked: [number, Indexed][] = [];
    for (const entry of index) {
      const withoutType = entry.name.filter((w) => !TYPE_WORDS.has(w));
      let rank = -1;
      if (withoutType.join(' ').startsWith(q.join(' '))) rank = 0;
      else if (allMatch(all, entry.name)) rank = 1;
      else if (entry.slug.startsWith(q.join('-'))) rank = 2;
      else if (entry.former.some((former) => allMatch(q, former))) rank = 3;
      if (rank >= 0) ranked.push([rank, entry]);
    }
    ranked.sort((a, b) => a[0] - b[0] || a[1].commune.name.localeCompare(b[1].commune.name, 'vi'));
    return ranked.slice(0, limit).map(([, entry]) => entry.commune);
  };
}

/**
 * The commune a citizen typed but did not tap in the list: the one whose name (with or without its
 * type word, "phuong hong gai" or "hong gai") or slug the text equals once folded, else the only
 * search result; null when the text matches none or several.
 */
export function typedCommune(communes: CommuneChoice[], text: string): CommuneChoice | null {
  const typed = words(text);
  if (typed.length === 0) return null;
  const bare = typed.filter((w) => !TYPE_WORDS.has(w)).join(' ');
  const exact = communes.filter((commune) => {
    const name = words(commune.name);
    return (
      name.join(' ') === typed.join(' ') ||
      name.filter((w) => !TYPE_WORDS.has(w)).join(' ') === bare ||
      commune.slug === typed.join('-')
    );
  });
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return null;
  const found = createCommuneSearch(communes)(text, 2);
  return found.length === 1 ? found[0]! : null;
}

/** The commune whose centre is nearest to a point (for suggesting one from GPS). */
export function nearestCommune(communes: CommuneChoice[], lat: number, lon: number): CommuneChoice | undefined {
  const cos = Math.cos((lat * Math.PI) / 180);
  let best: CommuneChoice | undefined;
  let bestDistance = Infinity;
  for (const commune of communes) {
    const dx = (commune.lon - lon) * cos;
    const dy = commune.lat - lat;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = commune;
      bestDistance = distance;
    }
  }
  return best;
}
