import { t } from '../i18n/team-notifications';

/**
 * The rules of "Bật thông báo" in the team workspace apart from the browser: whether this device can
 * get push notifications (and what to tell the member when not), the VAPID key in the form
 * PushManager.subscribe wants, a device's name from its user agent, and quiet hours as typed.
 * Pure; the hook is src/islands/team/useNotifications.ts.
 */

/** What this device allows. */
export type PushSupport =
  /** Subscribe on a tap. */
  | 'available'
  /** iPhone or iPad outside a Home Screen web app: Safari delivers push only to an installed /doi/. */
  | 'ios_home_screen'
  /** The member (or the browser's settings) blocked notifications for the site. */
  | 'denied'
  /** No service worker or push in this browser. */
  | 'unsupported';

/** What the page knows about the browser (read by the hook; plain values here for the tests). */
export interface BrowserFacts {
  userAgent: string;
  /** navigator.maxTouchPoints (iPadOS says "Macintosh" but has touch). */
  maxTouchPoints: number;
  /** Running as an installed app (display-mode: standalone, or navigator.standalone on iOS). */
  standalone: boolean;
  /** 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window */
  hasPush: boolean;
  /** Notification.permission, when Notification exists. */
  permission?: NotificationPermission;
}

/** iPhone, iPad or iPod (iPadOS included, which presents itself as a Mac with touch). */
export function isIos(facts: Pick<BrowserFacts, 'userAgent' | 'maxTouchPoints'>): boolean {
  return /iPhone|iPad|iPod/.test(facts.userAgent) || (/Macintosh/.test(facts.userAgent) && facts.maxTouchPoints > 1);
}

export function pushSupport(facts: BrowserFacts): PushSupport {
  if (isIos(facts) && !facts.standalone) return 'ios_home_screen';
  if (!facts.hasPush) return 'unsupported';
  if (facts.permission === 'denied') return 'denied';
  return 'available';
}

/** A base64url VAPID public key as the bytes PushManager.subscribe wants (applicationServerKey). */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A short name for this device, so the member can tell their devices apart: "Chrome · Android". */
export function deviceLabel(userAgent: string, maxTouchPoints = 0): string {
  const browser =
    /EdgA?\//.test(userAgent) ? 'Edge'
    : /SamsungBrowser\//.test(userAgent) ? 'Samsung Internet'
    : /Zalo/i.test(userAgent) ? 'Zalo'
    : /(Firefox|FxiOS)\//.test(userAgent) ? 'Firefox'
    : /(Chrome|CriOS|Chromium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : 'Web';
  const system =
    /iPad/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1) ? 'iPad'
    : /iPhone|iPod/.test(userAgent) ? 'iPhone'
    : /Android/.test(userAgent) ? 'Android'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Macintosh|Mac OS X/.test(userAgent) ? 'Mac'
    : /CrOS/.test(userAgent) ? 'ChromeOS'
    : /Linux/.test(userAgent) ? 'Linux'
    : '';
  return system ? `${browser} · ${system}` : browser;
}

/** The keys of a subscription as the browser serialises it, or null when one is missing. */
export function subscriptionKeys(json: PushSubscriptionJSON): { endpoint: string; p256dh: string; auth: string } | null {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) return null;
  return { endpoint, p256dh: keys.p256dh, auth: keys.auth };
}

/** Quiet hours as typed in two time inputs: both empty (none), or both "HH:MM". */
export type QuietHours = { ok: true; from: string | null; to: string | null } | { ok: false };

export function checkQuietHours(from: string, to: string): QuietHours {
  const clean = (value: string) => value.trim().slice(0, 5);
  const [f, t] = [clean(from), clean(to)];
  if (f === '' && t === '') return { ok: true, from: null, to: null };
  const valid = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
  if (!valid(f) || !valid(t) || f === t) return { ok: false };
  return { ok: true, from: f, to: t };
}

const KNOWN_ERRORS = ['denied', 'not_configured', 'too_many_devices', 'network'] as const;

/** The words for an error code of "Bật thông báo" or the settings (anything unknown: try again). */
export function notifyErrorText(code: string): string {
  if (code === 'denied') return t('notifySettings.denied');
  return (KNOWN_ERRORS as readonly string[]).includes(code)
    ? t(`notifySettings.error.${code as Exclude<(typeof KNOWN_ERRORS)[number], 'denied'>}`)
    : t('notifySettings.error.failed');
}
