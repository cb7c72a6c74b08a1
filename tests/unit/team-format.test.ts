import { describe, expect, it } from 'vitest';
import {
  cleanOtp,
  formatAge,
  formatClock,
  formatKm,
  isEmail,
  isOverdue,
  renewWindowMs,
  sessionState,
  SESSION_RENEW_BEFORE_MS,
  titleWithCount,
} from '../../src/lib/team/format.ts';
import { errorText, eventText, outcomeText } from '../../src/lib/team/labels.ts';
import { HANDOVER_REASONS, OUTCOMES, TEAM_ERROR_CODES } from '../../src/lib/domain/team-vocabulary.ts';
import { REQUEST_STEPS } from '../../src/lib/api/status.ts';
import { t, type MessageKey } from '../../src/lib/i18n/t.ts';

const NOW = new Date('2026-11-28T08:00:00Z'); // 15:00 in Vietnam

describe('team workspace formats', () => {
  it('says how old a request is in plain words', () => {
    expect(formatAge('2026-11-28T07:59:40Z', NOW)).toBe('vừa xong');
    expect(formatAge('2026-11-28T07:35:00Z', NOW)).toBe('25 phút trước');
    expect(formatAge('2026-11-28T05:00:00Z', NOW)).toBe('3 giờ trước');
    expect(formatAge('2026-11-26T07:00:00Z', NOW)).toBe('2 ngày trước');
    // A clock slightly behind the server never says "in the future".
    expect(formatAge('2026-11-28T08:00:30Z', NOW)).toBe('vừa xong');
  });

  it('gives Vietnam time, with the date when it is not today', () => {
    expect(formatClock('2026-11-28T09:30:00Z', NOW)).toBe('16:30');
    expect(formatClock('2026-11-28T18:30:00Z', NOW)).toBe('01:30 29/11');
  });

  it('knows when the acceptance deadline has passed', () => {
    expect(isOverdue(null, NOW)).toBe(false);
    expect(isOverdue('2026-11-28T08:00:01Z', NOW)).toBe(false);
    expect(isOverdue('2026-11-28T08:00:00Z', NOW)).toBe(true);
  });

  it('puts the number of waiting requests in the tab title', () => {
    expect(titleWithCount('Trang làm việc của tổ', 0)).toBe('Trang làm việc của tổ');
    expect(titleWithCount('Trang làm việc của tổ', 3)).toBe('(3) Trang làm việc của tổ');
  });

  it('writes distances the Vietnamese way', () => {
    expect(formatKm(1234)).toBe('1,2');
    expect(formatKm(23_600)).toBe('24');
  });

  it('warns when a token due for renewal was not renewed, and ends an expired session', () => {
    const inSeconds = (ms: number) => Math.floor((NOW.getTime() + ms) / 1000);
    expect(sessionState(undefined, NOW)).toEqual({ kind: 'ok' });
    // Renewal is asked for 5 minutes before the end; a renewed token would be far from its end.
    expect(sessionState(inSeconds(SESSION_RENEW_BEFORE_MS - 30_000), NOW)).toEqual({ kind: 'ok' });
    expect(sessionState(inSeconds(SESSION_RENEW_BEFORE_MS * 0.8 - 1000), NOW)).toEqual({ kind: 'expiring', minutesLeft: 4 });
    expect(sessionState(inSeconds(20_000), NOW)).toEqual({ kind: 'expiring', minutesLeft: 1 });
    expect(sessionState(inSeconds(45_000), NOW, 60_000)).toEqual({ kind: 'expiring', minutesLeft: 1 });
    expect(sessionState(inSeconds(55_000), NOW, 60_000)).toEqual({ kind: 'ok' });
    expect(sessionState(inSeconds(-1000), NOW)).toEqual({ kind: 'expired' });
  });

  it('renews 5 minutes before the end, or at half-life for short-lived tokens', () => {
    expect(renewWindowMs(3600)).toBe(SESSION_RENEW_BEFORE_MS);
    expect(renewWindowMs(undefined)).toBe(SESSION_RENEW_BEFORE_MS);
    expect(renewWindowMs(120)).toBe(60_000);
  });

  it('accepts emails and 6-digit codes as people type them', () => {
    expect(isEmail(' to-hong-gai@example.org ')).toBe(true);
    expect(isEmail('to-hong-gai@example')).toBe(false);
    expect(isEmail('a b@example.org')).toBe(false);
    expect(cleanOtp('123 456')).toBe('123456');
    expect(cleanOtp('12345')).toBeNull();
    expect(cleanOtp('12345a')).toBeNull();
  });
});

describe('team workspace labels', () => {
  it('has a Vietnamese message for every error code, and a fallback', () => {
    for (const code of TEAM_ERROR_CODES) expect(errorText(code)).not.toMatch(/team\.error|\{/);
    expect(errorText('network')).toBe(t('team.error.network'));
    expect(errorText('permission denied for function team_queue')).toBe(t('team.error.unexpected'));
  });

  it('names every outcome, hand-over reason and citizen step', () => {
    for (const outcome of OUTCOMES) expect(outcomeText(outcome)).not.toBe(outcome);
    for (const reason of HANDOVER_REASONS) expect(t(`team.reason.${reason}` as MessageKey)).not.toContain('team.');
    for (const step of REQUEST_STEPS) expect(t(`status.step.${step}` as MessageKey)).not.toContain('status.');
  });

  it('tells the history in words', () => {
    const base = { at: '2026-11-28T08:00:00Z', actor: 'team', by: 'An', team_name: 'Tổ Hồng Gai', reason: null };
    expect(eventText({ ...base, kind: 'accepted', status_after: 'accepted' })).toBe('An đã nhận');
    expect(eventText({ ...base, kind: 'escalated', status_after: 'assigned' })).toBe('Quá hạn nhận: tự chuyển cho Tổ Hồng Gai');
    expect(eventText({ ...base, kind: 'escalated', status_after: 'unassigned', team_name: null })).toBe(
      'Quá hạn nhận: tự đưa vào hàng chờ của tỉnh',
    );
    expect(eventText({ ...base, kind: 'closed', status_after: 'closed', reason: 'helped' })).toBe('Đóng: Đã giúp xong');
  });
});
