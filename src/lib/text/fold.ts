/**
 * Folds Vietnamese text to plain lowercase ASCII words, the way people type on a phone keyboard
 * without a Vietnamese input method: "Đăng ký tài khoản" → "dang ky tai khoan".
 * Used for the search index (both sides of the match) and for the commune chooser.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** True when every word of the query starts a word of the text, ignoring diacritics and case. */
export function matchesFolded(text: string, query: string): boolean {
  const words = foldVietnamese(text).split(' ');
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((q) => words.some((w) => w.startsWith(q)));
}
