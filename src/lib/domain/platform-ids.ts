/**
 * Ids of the platforms the portal covers; they are also the first URL segment of every guide.
 * Kept apart from the content schema (src/lib/schemas/platform.ts) so that browser code needing
 * only the ids (the booking form's needs) does not bundle the content schemas with them.
 */
export const PLATFORM_IDS = [
  'vneid',
  'vssid',
  'etax',
  'dichvucong',
  'smart-quang-ninh',
  'thanh-toan-an-toan',
] as const;
