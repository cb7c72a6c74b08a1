import { describe, expect, it } from 'vitest';
import type { CommunePublicInfo, PublicSession } from '../../src/lib/api/sessions.ts';
import { sessionsHtml, teamsHtml } from '../../src/lib/sessions/commune-view.ts';
import { teamPosterHtml, teamPosterPath, teamPosterRequest } from '../../src/lib/posters/team-poster.ts';

const session: PublicSession = {
  id: 3,
  commune: { code: '06685', name: 'Phường Hồng Gai', slug: 'hong-gai' },
  place_name: 'Nhà văn hoá <khu 5>',
  address: 'Khu 5',
  first_day: '2026-12-01',
  until_day: '2026-12-31',
  weekdays: [5],
  starts_at: '14:00',
  ends_at: '17:00',
  topics: ['vneid'],
  note: null,
  cancelled_days: ['2026-12-11'],
  team_code: 'DEMO-HONGGAI',
  team_name: 'Tổ Hồng Gai',
};
const info: CommunePublicInfo = {
  commune: { code: '06685', name: 'Phường Hồng Gai', slug: 'hong-gai' },
  teams: [{ code: 'DEMO-HONGGAI', name: 'Tổ Hồng Gai', phone: '0900000001' }],
  sessions: [session],
};
const now = new Date('2026-11-30T00:00:00Z');

describe('commune page, live part', () => {
  it('lists a team with a tap-to-call link read in groups', () => {
    const html = teamsHtml(info, now);
    expect(html).toContain('<a class="app-button app-call" href="tel:0900000001">Gọi 0900 000 001</a>');
    expect(html).toContain('<p>Thứ Sáu hằng tuần, 14:00–17:00: Nhà văn hoá &#60;khu 5&#62;, Khu 5</p>');
  });

  it('says how a request is handled when no team is listed', () => {
    const html = teamsHtml({ ...info, teams: [] }, now);
    expect(html).toContain('Chưa có tổ nào ở Phường Hồng Gai công bố số điện thoại');
    expect(html).toContain('cán bộ Đoàn Thanh niên tỉnh');
  });

  it('shows the next occurrence, the days after, the days off and the calendar link, escaping text', () => {
    const html = sessionsHtml(info, now, 'https://x.example/xa/hong-gai/', { vneid: 'VNeID' });
    expect(html).toContain('Thứ Sáu, 04/12/2026, 14:00–17:00');
    expect(html).toContain('Các buổi tới: 18/12, 25/12');
    expect(html).toContain('Nghỉ các buổi: 11/12');
    expect(html).toContain('Hỗ trợ: VNeID');
    expect(html).toContain('Nhà văn hoá &#60;khu 5&#62;');
    expect(html).not.toContain('<khu 5>');
    expect(html).toContain('download="ho-tro-2026-12-04.ics" href="data:text/calendar;charset=utf-8,');
    expect(sessionsHtml({ ...info, sessions: [] }, now, 'https://x.example/', {})).toContain('Chưa có buổi hỗ trợ trực tiếp nào');
  });
});

describe('team poster', () => {
  it('round-trips its address', () => {
    expect(teamPosterRequest(teamPosterPath('hong-gai', 'DEMO-HONGGAI', 'a6').split('?')[1])).toEqual({ commune: 'hong-gai', team: 'DEMO-HONGGAI', kind: 'a6' });
    expect(teamPosterRequest('xa=hong-gai&to=<script>')).toBeNull();
  });

  it('prints only a listed team with a phone, with a QR code to the commune page and its poster id', () => {
    expect(teamPosterHtml(info, 'OTHER', 'a4', 'https://trogiupso.example.vn', now)).toBeNull();
    expect(teamPosterHtml({ ...info, teams: [{ ...info.teams[0], phone: null }] }, 'DEMO-HONGGAI', 'a4', 'https://trogiupso.example.vn', now)).toBeNull();
    const html = teamPosterHtml(info, 'DEMO-HONGGAI', 'a4', 'https://trogiupso.example.vn', now)!;
    expect(html).toContain('data-qr-url="https://trogiupso.example.vn/xa/hong-gai/?p=t-demo-honggai"');
    expect(html).toContain('Thứ Sáu hằng tuần, 14:00–17:00: Nhà văn hoá &#60;khu 5&#62;, Khu 5');
    expect(html).toContain('0900 000 001');
    const sticker = teamPosterHtml(info, 'DEMO-HONGGAI', 'a6', 'https://trogiupso.example.vn', now)!;
    expect(sticker).toContain('?p=n-demo-honggai');
    expect(sticker).not.toContain('app-poster__sessions');
  });
});
