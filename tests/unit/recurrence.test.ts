import { describe, expect, it } from 'vitest';
import { isSeriesDay, nextOccurrences, upcomingOccurrences, weekdayOf, type SessionSeries } from '../../src/lib/domain/recurrence.ts';

/** A series with defaults: weekly on Fridays 14:00–17:00 through December 2026. */
function series(overrides: Partial<SessionSeries> = {}): SessionSeries {
  return { first_day: '2026-12-01', until_day: '2026-12-31', weekdays: [5], starts_at: '14:00', ends_at: '17:00', cancelled_days: [], ...overrides };
}
const at = (iso: string) => new Date(iso);
const days = (s: SessionSeries, now: Date, limit = 20) => upcomingOccurrences(s, now, limit).map((o) => o.day);

describe('help session recurrence (Vietnam time, UTC+7, no summer time)', () => {
  it('knows the ISO weekday of a date', () => {
    expect(weekdayOf('2026-12-04')).toBe(5); // Friday
    expect(weekdayOf('2026-12-06')).toBe(7); // Sunday
    expect(weekdayOf('2027-01-04')).toBe(1); // Monday
  });

  it('expands a weekly series on its weekday, until day inclusive', () => {
    expect(days(series(), at('2026-11-30T00:00:00Z'))).toEqual(['2026-12-04', '2026-12-11', '2026-12-18', '2026-12-25']);
    // until day is a Friday itself: included.
    expect(days(series({ until_day: '2026-12-18' }), at('2026-11-30T00:00:00Z'))).toEqual(['2026-12-04', '2026-12-11', '2026-12-18']);
  });

  it('expands several weekdays in order and crosses month and year ends', () => {
    const s = series({ first_day: '2026-12-28', until_day: '2027-03-02', weekdays: [2, 4] });
    const found = days(s, at('2026-12-27T00:00:00Z'), 6);
    expect(found).toEqual(['2026-12-29', '2026-12-31', '2027-01-05', '2027-01-07', '2027-01-12', '2027-01-14']);
    // February 2027 has 28 days: Tuesday 23rd, Thursday 25th, then Tuesday 2 March.
    expect(days(s, at('2027-02-21T00:00:00Z'))).toEqual(['2027-02-23', '2027-02-25', '2027-03-02']);
  });

  it('handles month ends of 30 and 31 days and a leap year', () => {
    const s = series({ first_day: '2028-02-27', until_day: '2028-03-02', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(days(s, at('2028-02-26T00:00:00Z'))).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02']);
    const april = series({ first_day: '2027-04-29', until_day: '2027-05-01', weekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(days(april, at('2027-04-01T00:00:00Z'))).toEqual(['2027-04-29', '2027-04-30', '2027-05-01']);
  });

  it('leaves out cancelled occurrences', () => {
    const s = series({ cancelled_days: ['2026-12-11', '2026-12-25'] });
    expect(days(s, at('2026-11-30T00:00:00Z'))).toEqual(['2026-12-04', '2026-12-18']);
  });

  it('places the times in Vietnam time whatever the clock of the device', () => {
    const [first] = upcomingOccurrences(series(), at('2026-11-30T00:00:00Z'), 1);
    expect(first.start.toISOString()).toBe('2026-12-04T07:00:00.000Z');
    expect(first.end.toISOString()).toBe('2026-12-04T10:00:00.000Z');
    // An early-morning session: 06:30 in Vietnam is 23:30 UTC the day before.
    const [early] = upcomingOccurrences(series({ starts_at: '06:30', ends_at: '08:00' }), at('2026-11-30T00:00:00Z'), 1);
    expect(early.start.toISOString()).toBe('2026-12-03T23:30:00.000Z');
  });

  it('keeps a session under way and drops one that has ended', () => {
    // 15:00 in Vietnam on Friday 4 December: the 14:00–17:00 session is under way.
    expect(days(series(), at('2026-12-04T08:00:00Z'))[0]).toBe('2026-12-04');
    // 17:00 in Vietnam: it has ended.
    expect(days(series(), at('2026-12-04T10:00:00Z'))[0]).toBe('2026-12-11');
  });

  it('expands a one-off session on its day only', () => {
    const once = series({ first_day: '2026-12-05', until_day: null, weekdays: [] });
    expect(days(once, at('2026-11-30T00:00:00Z'))).toEqual(['2026-12-05']);
    expect(days(once, at('2026-12-06T00:00:00Z'))).toEqual([]);
    expect(isSeriesDay(once, '2026-12-05')).toBe(true);
    expect(isSeriesDay(once, '2026-12-12')).toBe(false);
  });

  it('says whether a day belongs to the series (the rule SQL applies to cancellations)', () => {
    expect(isSeriesDay(series(), '2026-12-04')).toBe(true);
    expect(isSeriesDay(series(), '2026-12-05')).toBe(false);
    expect(isSeriesDay(series(), '2027-01-01')).toBe(false); // a Friday after the until day
    expect(isSeriesDay(series(), '2026-11-27')).toBe(false); // a Friday before the first day
  });

  it('stops at the limit and merges several series in time order', () => {
    expect(upcomingOccurrences(series(), at('2026-11-30T00:00:00Z'), 2)).toHaveLength(2);
    const morning = series({ weekdays: [5], starts_at: '08:00', ends_at: '10:00' });
    const merged = nextOccurrences([series(), morning], at('2026-11-30T00:00:00Z'), 3);
    expect(merged.map((m) => `${m.occurrence.day} ${m.series.starts_at}`)).toEqual([
      '2026-12-04 08:00',
      '2026-12-04 14:00',
      '2026-12-11 08:00',
    ]);
  });
});
