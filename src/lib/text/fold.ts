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
