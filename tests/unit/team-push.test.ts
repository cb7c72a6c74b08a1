import { describe, expect, it } from 'vitest';
import { applicationServerKey, checkQuietHours, deviceLabel, notifyErrorText, pushSupport, subscriptionKeys } from '../../src/lib/team/push.ts';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

describe('push on this device', () => {
  const base = { maxTouchPoints: 5, standalone: false, hasPush: true, permission: 'default' as const };

  it('on iPhone and iPad outside the Home Screen asks to add it there first', () => {
    expect(pushSupport({ ...base, userAgent: IPHONE, hasPush: false })).toBe('ios_home_screen');
    expect(pushSupport({ ...base, userAgent: IPAD_AS_MAC })).toBe('ios_home_screen');
    expect(pushSupport({ ...base, userAgent: IPHONE, standalone: true })).toBe('available');
    // A Mac without touch is a Mac.
    expect(pushSupport({ ...base, userAgent: IPAD_AS_MAC, maxTouchPoints: 0 })).toBe('available');
  });

  it('says when push is missing or blocked', () => {
    expect(pushSupport({ ...base, userAgent: ANDROID })).toBe('available');
    expect(pushSupport({ ...base, userAgent: ANDROID, hasPush: false })).toBe('unsupported');
    expect(pushSupport({ ...base, userAgent: ANDROID, permission: 'denied' })).toBe('denied');
  });

  it('turns the base64url VAPID key into bytes', () => {
    const bytes = Uint8Array.from({ length: 65 }, (_, i) => (i * 37) % 256);
    expect([...applicationServerKey(Buffer.from(bytes).toString('base64url'))]).toEqual([...bytes]);
  });

  it('names devices by browser and system, in at most 60 characters', () => {
    expect(deviceLabel(ANDROID)).toBe('Chrome · Android');
    expect(deviceLabel(IPHONE)).toBe('Safari · iPhone');
    expect(deviceLabel(IPAD_AS_MAC, 5)).toBe('Safari · iPad');
    expect(deviceLabel('')).toBe('Web');
    expect(deviceLabel(ANDROID).length).toBeLessThanOrEqual(60);
  });

  it('reads the keys of a subscription, or nothing when one is missing', () => {
    expect(subscriptionKeys({ endpoint: 'https://p/1', keys: { p256dh: 'a', auth: 'b' } })).toEqual({ endpoint: 'https://p/1', p256dh: 'a', auth: 'b' });
    expect(subscriptionKeys({ endpoint: 'https://p/1', keys: { p256dh: 'a' } })).toBeNull();
  });

  it('takes quiet hours as both times or neither, different, overnight allowed', () => {
    expect(checkQuietHours('', '')).toEqual({ ok: true, from: null, to: null });
    expect(checkQuietHours('22:00', '06:30')).toEqual({ ok: true, from: '22:00', to: '06:30' });
    expect(checkQuietHours('22:00:00', '06:30')).toEqual({ ok: true, from: '22:00', to: '06:30' });
    expect(checkQuietHours('22:00', '')).toEqual({ ok: false });
    expect(checkQuietHours('07:00', '07:00')).toEqual({ ok: false });
    expect(checkQuietHours('25:00', '07:00')).toEqual({ ok: false });
  });

  it('explains errors in words, unknown ones as "try again"', () => {
    expect(notifyErrorText('too_many_devices')).toContain('10 máy');
    expect(notifyErrorText('denied')).toContain('bị chặn');
    expect(notifyErrorText('something_new')).toBe('Chưa bật được thông báo. Hãy thử lại.');
  });
});
