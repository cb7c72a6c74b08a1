/**
 * Occurrences of a help session series, the site's half of the rule whose SQL half is
 * app.help_session_has_day() (migration 20261128002000_help_sessions.sql): a one-off session takes
 * place on its first day; a weekly one on each chosen ISO weekday (1 = Monday … 7 = Sunday) from
 * its first day to its until day, both inclusive; cancelled days are left out.
 *
 * Times are Vietnam time. Asia/Ho_Chi_Minh is UTC+7 all year (no summer time), so a local time is
 * turned into an instant by subtracting seven hours; days are counted on calendar dates
 * (YYYY-MM-DD), never by adding 24-hour steps to instants. Pure: no clock is read here.
 */

/** Vietnam's offset from UTC in minutes, all year. */
const VIETNAM_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;

/** What expansion needs of a series (the shape commune_public_info and team_help_sessions return). */
export interface SessionSeries {
  first_day: string;
  until_day: string | null;
  /** ISO weekdays; empty for a one-off. */
  weekdays: readonly number[];
  /** "HH:MM", Vietnam time. */
  starts_at: string;
  ends_at: string;
  cancelled_days: readonly string[];
}

/** One session that takes place. */
export interface Occurrence {
  /** The day in Vietnam, YYYY-MM-DD. */
  day: string;
  /** ISO weekday of the day (1 = Monday … 7 = Sunday). */
  weekday: number;
  start: Date;
  end: Date;
}

/** Days since 1970-01-01 of a calendar date (YYYY-MM-DD). */
function dayNumber(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The calendar date of a day number. */
function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number (1970-01-01 was a Thursday, 4). */
function isoWeekday(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The instant of a Vietnam time of day on a day number. */
function vietnamInstant(n: number, clock: string): Date {
  const [hours, minutes] = clock.split(':').map(Number);
  return new Date(n * DAY_MS + (hours * 60 + minutes - VIETNAM_OFFSET_MINUTES) * 60_000);
}

/** ISO weekday of a calendar date (YYYY-MM-DD). */
export function weekdayOf(day: string): number {
  return isoWeekday(dayNumber(day));
}

/** Whether a day is one of the series' days, cancelled or not (app.help_session_has_day). */
export function isSeriesDay(series: SessionSeries, day: string): boolean {
  const n = dayNumber(day);
  if (series.weekdays.length === 0) return day === series.first_day;
  if (series.until_day === null) return false;
  return n >= dayNumber(series.first_day) && n <= dayNumber(series.until_day) && series.weekdays.includes(isoWeekday(n));
}

/**
 * The series' occurrences that have not yet ended at `now`, in order, at most `limit`; cancelled
 * days are left out. A session under way (started, not ended) is still upcoming.
 */
export function upcomingOccurrences(series: SessionSeries, now: Date, limit = 5): Occurrence[] {
  const cancelled = new Set(series.cancelled_days);
  const last = series.weekdays.length === 0 ? dayNumber(series.first_day) : dayNumber(series.until_day ?? series.first_day);
  // The first day that could still be under way: yesterday in UTC is never later than today in Vietnam.
  let n = Math.max(dayNumber(series.first_day), Math.floor(now.getTime() / DAY_MS) - 1);
  const found: Occurrence[] = [];
  for (; n <= last && found.length < limit; n++) {
    const day = dayString(n);
    if (!isSeriesDay(series, day) || cancelled.has(day)) continue;
    const end = vietnamInstant(n, series.ends_at);
    if (end.getTime() <= now.getTime()) continue;
    found.push({ day, weekday: isoWeekday(n), start: vietnamInstant(n, series.starts_at), end });
  }
  return found;
}

/** The next occurrences of several series together, in time order, at most `limit`. */
export function nextOccurrences<S extends SessionSeries>(
  series: readonly S[],
  now: Date,
  limit = 5,
): { series: S; occurrence: Occurrence }[] {
  return series
    .flatMap((one) => upcomingOccurrences(one, now, limit).map((occurrence) => ({ series: one, occurrence })))
    .sort((a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime())
    .slice(0, limit);
}
