import { describe, expect, it } from 'vitest';
import {
  citizenSms,
  citizenZalo,
  isOneGsm7Segment,
  teamNotice,
  toGsm7,
  zaloPhone,
} from '../../supabase/functions/_shared/messages.ts';
import { render } from '../../supabase/functions/_shared/deliver.ts';

/** The texts the notify function builds (supabase/functions/_shared/messages.ts). */
const SITE = 'https://trogiupso.quangninh.gov.vn';
const booked = {
  reference_code: 'QN-7K4-M9P-X2R',
  verification_word: 'cầu vồng',
  team_name: 'Tổ công nghệ số phường Hồng Gai',
  team_phone: '0900000001',
};

describe('citizen SMS', () => {
  it('says the code, the verification word and the team, without diacritics, in one GSM-7 segment', () => {
    const sms = citizenSms('citizen_booked', booked, SITE);
    expect(sms).toContain('QN-7K4-M9P-X2R');
    expect(sms).toContain('"cau vong"');
    expect(sms).toContain('To cong nghe so phuong Hong Gai');
    expect(sms).toContain('0900000001');
    expect(sms).toBe(sms.normalize('NFD'));
    expect(isOneGsm7Segment(sms)).toBe(true);
  });

  it('shortens a long team name, and never drops the code or the word', () => {
    const long = { ...booked, team_name: `Tổ công nghệ số cộng đồng ${'khu phố Đông Đông Đông '.repeat(5)}`.slice(0, 120), verification_word: 'mặt trời' };
    const sms = citizenSms('citizen_booked', long, SITE);
    expect(sms.length).toBeLessThanOrEqual(160);
    expect(isOneGsm7Segment(sms)).toBe(true);
    expect(sms).toContain('QN-7K4-M9P-X2R');
    expect(sms).toContain('"mat troi"');
    expect(sms).toContain('0900000001');
  });

  it('leaves the team out when there is none (province pool)', () => {
    const sms = citizenSms('citizen_booked', { ...booked, team_name: null, team_phone: null }, SITE);
    expect(sms).toContain('QN-7K4-M9P-X2R');
    expect(sms).not.toContain('SDT');
    expect(isOneGsm7Segment(sms)).toBe(true);
  });

  it('keeps every template in one segment with the longest values', () => {
    const worst = { ...booked, verification_word: 'con thuyền', team_name: 'Đ'.repeat(120), outcome: 'helped', code: '123456', minutes: 10 };
    for (const template of ['citizen_booked', 'citizen_accepted', 'citizen_closed', 'lookup_code']) {
      const sms = citizenSms(template, worst, SITE);
      expect(isOneGsm7Segment(sms), `${template}: ${sms}`).toBe(true);
    }
    expect(citizenSms('lookup_code', { code: '042917', minutes: 10 }, SITE)).toContain('042917');
  });

  it('folds Vietnamese to GSM-7', () => {
    expect(toGsm7('Đường Hạ Long – số 5 “A”')).toBe('Duong Ha Long so 5 A');
    expect(isOneGsm7Segment('Cầu')).toBe(false);
    expect(isOneGsm7Segment('x'.repeat(161))).toBe(false);
  });
});

describe('Zalo ZNS', () => {
  it('sends the template parameters and the phone in the 84 form', () => {
    expect(zaloPhone('0912345678')).toBe('84912345678');
    const zns = citizenZalo('citizen_booked', booked);
    expect(zns.templateData).toEqual({ code: 'QN-7K4-M9P-X2R', word: 'cầu vồng', team: booked.team_name, phone: '0900000001' });
    expect(zns.text).toContain('cầu vồng');
    expect(zns.text.length).toBeLessThanOrEqual(400);
  });
});

describe('push payloads', () => {
  const params = { request_id: 12, team_name: 'Tổ Hồng Gai', commune_name: 'Phường Hồng Gai', needs: ['vneid', 'etax'], url: '/doi/?yeu-cau=12' };

  it('show team, commune and needs, open the request, and carry no personal data', () => {
    const payload = teamNotice('team_new_request', params);
    expect(payload).toEqual({
      title: 'Yêu cầu hỗ trợ mới ở Phường Hồng Gai',
      body: 'Tổ Hồng Gai: người dân cần hỗ trợ VNeID, eTax Mobile. Bấm để xem và nhận.',
      url: '/doi/?yeu-cau=12',
      tag: 'yeu-cau-12',
      silent: false,
    });
  });

  it('render each channel from a claimed message', () => {
    const base = { id: 1, token: 't', template: 'team_new_request', params, silent: true, attempt: 1, created_at: '' };
    const push = render({ ...base, channel: 'push', to: { endpoint: 'https://push.example/1', p256dh: 'x', auth: 'y' } }, SITE);
    expect(push.payload).toMatchObject({ silent: true, url: '/doi/?yeu-cau=12' });
    const email = render({ ...base, channel: 'email', to: { email: 'a@example.org' } }, SITE);
    expect(email.to).toBe('a@example.org');
    expect(email.text).toContain(`${SITE}/doi/?yeu-cau=12`);
    const sms = render({ ...base, channel: 'sms', template: 'citizen_closed', params: booked, to: { phone: '0912345678' } }, SITE);
    expect(sms.to).toBe('84912345678');
    expect(isOneGsm7Segment(sms.text)).toBe(true);
  });
});
