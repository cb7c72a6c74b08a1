import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, icsCalendar } from '../../src/lib/sessions/ics.ts';
import { calendarLink } from '../../src/lib/sessions/format.ts';
import { upcomingOccurrences } from '../../src/lib/domain/recurrence.ts';
import type { PublicSession } from '../../src/lib/api/sessions.ts';

const session: PublicSession = {
  id: 7,
  commune: { code: '06685', name: 'Phường Hồng Gai', slug: 'hong-gai' },
  place_name: 'Nhà văn hoá khu 5; tầng 1',
  address: 'Số 3, đường Bến Đoan, khu 5',
  first_day: '2026-12-01',
  until_day: '2026-12-31',
  weekdays: [5],
  starts_at: '14:00',
  ends_at: '17:00',
  topics: ['vneid'],
  note: 'Mang theo CCCD gắn chip,\nvà điện thoại đã cài VNeID. Dòng ghi chú dài để thử việc gấp dòng của tệp lịch theo đúng chuẩn.',
  cancelled_days: [],
  team_code: 'DEMO-HONGGAI',
  team_name: 'Tổ công nghệ số phường Hồng Gai',
};

describe('"Thêm vào lịch" calendar file', () => {
  it('is parsed back by ical.js with the right times, place and text', () => {
    const [occurrence] = upcomingOccurrences(session, new Date('2026-11-30T00:00:00Z'), 1);
    const link = calendarLink(session, occurrence, 'https://trogiupso.example.vn/xa/hong-gai/', new Date('2026-11-30T01:02:03Z'));
    expect(link.fileName).toBe('ho-tro-2026-12-04.ics');
    const text = decodeURIComponent(link.href.replace(/^data:text\/calendar;charset=utf-8,/, ''));

    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-04T07:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-04T10:00:00.000Z');
    expect(event.summary).toBe('Hỗ trợ công nghệ số: Nhà văn hoá khu 5; tầng 1');
    expect(event.location).toBe('Nhà văn hoá khu 5; tầng 1, Số 3, đường Bến Đoan, khu 5');
    expect(event.description).toContain('Mang theo CCCD gắn chip,\nvà điện thoại');
    expect(event.description).toContain('https://trogiupso.example.vn/xa/hong-gai/');
    expect(event.uid).toBe('buoi-7-2026-12-04@trogiupso.example.vn');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('ends lines in CRLF and folds them at 75 octets without splitting a character', () => {
    const text = icsCalendar(
      [{ uid: 'x@y', start: new Date(0), end: new Date(3600_000), summary: 'Hỗ trợ '.repeat(40) }],
      new Date(0),
    );
    const lines = text.split('\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines.filter((line) => line.includes('\n'))).toEqual([]);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(foldLine('abc')).toBe('abc');
    // Unfolding gives back the line.
    const long = 'SUMMARY:' + 'đ'.repeat(100);
    expect(foldLine(long).replace(/\r\n /g, '')).toBe(long);
  });
});
