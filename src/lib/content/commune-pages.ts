/**
 * What the static commune pages (/xa/<slug>/ and /xa/) print, from content/communes.json at build
 * time: the former units and districts in words, and the hidden search terms that let Pagefind find
 * a commune page by its name or an old name, with or without diacritics.
 */
import type { Commune } from '../schemas/commune';
import { bareName, districtsOf } from '../communes/former-units';
import { foldVietnamese } from '../text/fold';

/** Hidden search terms of a commune page: names folded, with and without the type word. */
export function communeSearchTerms(commune: Commune): string {
  const names = [commune.name, ...commune.formerUnits, ...districtsOf(commune)];
  const words = names.flatMap((name) => [foldVietnamese(name), bareName(name)]);
  return [...new Set([...words, 'to cong nghe so', 'so dien thoai', 'lich ho tro truc tiep', 'sap nhap'])].join(' ');
}
