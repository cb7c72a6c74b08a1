/**
 * Pure helpers of the team workspace: how old a request is, its acceptance deadline, the tab title
 * with the number of waiting requests, the session warning. No DOM, no clock of their own (the
 * caller passes `now`), so they are unit-tested directly.
 */
import { vietnamClock, vietnamDayMonth } from '../domain/vietnam-time';
import { t } from '../i18n/team';

const MINUTE = 60_000;

/** "vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước". */
export function formatAge(from: string | Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(from).getTime()) / MINUTE));
  if (minutes < 1) return t('team.age.now');
  if (minutes < 60) return t('team.age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('team.age.hours', { n: hours });
  return t('team.age.days', { n: Math.floor(hours / 24) });
}

/** A time in Vietnam: "15:30" today, "15:30 29/11" on another day. */
export function formatClock(at: string | Date, now: Date): string {
  const date = new Date(at);
  const time = vietnamClock(date);
  const day = vietnamDayMonth(date);
  return day === vietnamDayMonth(now) ? time : `${time} ${day}`;
}

/**
 * A deadline in Vietnam, always with its date: "16:30 ngày 30/11". A bare "16:30" does not say
 * whether it is today's or tomorrow's.
 */
export function formatDeadline(at: string | Date): string {
  const date = new Date(at);
  return t('team.time.dated', { time: vietnamClock(date), day: vietnamDayMonth(date) });
}

/** Whether the acceptance deadline has passed. */
export function isOverdue(acceptBy: string | null, now: Date): boolean {
  return acceptBy !== null && new Date(acceptBy).getTime() <= now.getTime();
}

/** The tab title with the number of requests waiting to be accepted: "(3) Trang làm việc…". */
export function titleWithCount(title: string, waiting: number): string {
  return waiting > 0 ? t('team.title.count', { count: waiting, title }) : title;
}

/** Distance for people: "1,2" km with one decimal below 10 km, whole kilometres above. */
export function formatKm(metres: number): string {
  const km = metres / 1000;
  return km < 10 ? km.toLocaleString('vi-VN', { maximumFractionDigits: 1 }) : Math.round(km).toLocaleString('vi-VN');
}

/** When the workspace renews the session itself, and warns if it cannot: 5 minutes before expiry. */
export const SESSION_RENEW_BEFORE_MS = 5 * MINUTE;

/**
 * How long before expiry to renew: 5 minutes, or half the token's lifetime when tokens live
 * shorter than 10 minutes (else every renewed token would be due for renewal at once).
 * `expiresIn` is the token's lifetime in seconds (session.expires_in).
 */
export function renewWindowMs(expiresIn: number | undefined): number {
  return expiresIn ? Math.min(SESSION_RENEW_BEFORE_MS, (expiresIn * 1000) / 2) : SESSION_RENEW_BEFORE_MS;
}

export type SessionState = { kind: 'ok' } | { kind: 'expiring'; minutesLeft: number } | { kind: 'expired' };

/**
 * The session as the member should hear about it. supabase-js refreshes tokens by itself shortly
 * before they expire and the workspace asks earlier (renewWindowMs before the end); a renewed token
 * moves `expiresAt` forward. So a token still this old a fifth of the window later was not renewed
 * (offline, or the session was ended on another device): warn, with the minutes left.
 * `expiresAt` is the access token's expiry in seconds since the epoch (session.expires_at).
 */
export function sessionState(expiresAt: number | undefined, now: Date, windowMs: number = SESSION_RENEW_BEFORE_MS): SessionState {
  if (expiresAt === undefined) return { kind: 'ok' };
  const left = expiresAt * 1000 - now.getTime();
  if (left <= 0) return { kind: 'expired' };
  if (left <= windowMs * 0.8) return { kind: 'expiring', minutesLeft: Math.max(1, Math.ceil(left / MINUTE)) };
  return { kind: 'ok' };
}

/** A plausible email (the server checks again). */
export function isEmail(value: string): boolean {
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value.trim()) && value.trim().length <= 254;
}

/** The 6 digits of an emailed code, however they were typed or pasted ("123 456"); null otherwise. */
export function cleanOtp(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}
