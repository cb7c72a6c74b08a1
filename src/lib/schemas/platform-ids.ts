/**
 * Ids of the platforms the portal covers; they are also the first URL segment of every guide.
 * Kept apart from platform.ts (the content schema) so that browser code needing only the ids does
 * not bundle the content schemas with them.
 */
export const PLATFORM_IDS = [
  'vneid',
  'vssid',
  'etax',
  'dichvucong',
  'smart-quang-ninh',
  'thanh-toan-an-toan',
] as const;
