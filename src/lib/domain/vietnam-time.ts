/**
 * Time as people in Quảng Ninh read it: Vietnam's time zone (UTC+7 all year, no summer time)
 * whatever the device's own, in the Vietnamese formats the site shows. One place for the zone, so
 * that the team workspace, the status page and the admin statistics agree on what "today" is.
 * Pure apart from reading the clock when `now` is left out.
 */

/** Vietnam's time zone (IANA). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const DAY_MS = 86_400_000;

const isoDay = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: VIETNAM_TIME_ZONE });
const clock = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: VIETNAM_TIME_ZONE });
const dayMonth = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', timeZone: VIETNAM_TIME_ZONE });
const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: VIETNAM_TIME_ZONE });

/** One part of a formatted date ('' when the format has none). */
function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** The date in Vietnam `offsetDays` from `now`, as `YYYY-MM-DD` (date fields, day ranges). */
export function vietnamDay(offsetDays = 0, now: Date = new Date()): string {
  const parts = isoDay.formatToParts(new Date(now.getTime() + offsetDays * DAY_MS));
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

/** The time of day in Vietnam: "15:30". */
export function vietnamClock(date: Date): string {
  return clock.format(date);
}

/** Day and month in Vietnam: "29/11" (ICU versions differ on the separator, so the parts are joined here). */
export function vietnamDayMonth(date: Date): string {
  const parts = dayMonth.formatToParts(date);
  return `${part(parts, 'day')}/${part(parts, 'month')}`;
}

/** Date and time in Vietnam, short: "29/11/26 15:30" (the separators follow the browser's ICU). */
export function vietnamDateTime(date: Date): string {
  return dateTime.format(date);
}

/** The date in Vietnam as people write it: "29/11/2026". */
export function vietnamDate(date: Date): string {
  const [year, month, day] = vietnamDay(0, date).split('-');
  return `${day}/${month}/${year}`;
}
