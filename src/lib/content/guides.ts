import type { Guide } from '../schemas/guide';
import { VIETNAM_TIME_ZONE } from '../domain/vietnam-time';
import { foldVietnamese } from '../text/fold';
import { allSteps } from './guide-steps';

/** The slug of a guide from its collection id ("vssid/quen-mat-khau" → "quen-mat-khau"). */
export function slugFromId(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}

/**
 * Hidden search text for a guide: its words folded to unaccented lowercase, plus the aliases as
 * written (abbreviations like BHXH, CCCD, MST). The search page folds the query the same way, so
 * "dang ky vssid" and "đăng ký VssID" both match.
 */
export function searchTerms(guide: Guide): string {
  const words = [
    guide.title,
    guide.summary,
    ...guide.tasks,
    ...guide.aliases,
    ...(guide.ways ?? []).map((way) => way.title),
    ...allSteps(guide).map((step) => step.title),
    ...guide.problems.map((p) => p.problem),
  ];
  const folded = new Set(foldVietnamese(words.join(' ')).split(' ').filter(Boolean));
  return [...guide.aliases, ...folded].join(' ');
}

/** Formats a date the Vietnamese way: 28/11/2026. */
export function formatDate(date: Date): string {
  return date.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: VIETNAM_TIME_ZONE });
}
