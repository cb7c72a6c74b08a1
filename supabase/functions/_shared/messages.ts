/**
 * The texts of notifications, built from an outbox message's template and parameters. Pure
 * functions (no Deno, no Node APIs): the notify Edge Function runs them under Deno, the unit tests
 * under Node. The Vietnamese texts live in src/lib/i18n/vi/notifications.json like every other
 * string the site shows.
 *
 * Push and email go to volunteers: team, commune and needs, never the citizen's name or phone.
 * SMS goes to citizens without diacritics, in the GSM-7 alphabet, so that one message is one
 * segment of at most 160 characters (any Vietnamese diacritic would force UCS-2 and 70 characters
 * per segment); Zalo ZNS messages may carry diacritics and go as a template id with parameters.
 */
import messages from '../../../src/lib/i18n/vi/notifications.json' with { type: 'json' };

const MESSAGES = messages as Record<string, string>;

/** One GSM-7 segment. */
export const SMS_MAX = 160;

/** Text of a key, with {placeholders} filled. */
export function text(key: string, values: Record<string, string | number> = {}): string {
  const template = MESSAGES[key];
  if (template === undefined) throw new Error(`notifications: no text ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The needs of a request in words ("VNeID, VssID"). */
export function needsText(needs: unknown): string {
  const list = Array.isArray(needs) ? needs.filter((n): n is string => typeof n === 'string') : [];
  return list.map((need) => MESSAGES[`notify.need.${need}`] ?? need).join(', ') || MESSAGES['notify.need.other'];
}

/** What a push notification shows, and where tapping it leads. The service worker's payload. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  silent: boolean;
}

/** Parameters as the SQL writes them (see app.request_notice_params()). */
export type Params = Record<string, unknown>;

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback);

/** "08:30 30/11" in Vietnam time, for deadlines. */
export function vietnamTime(iso: unknown): string {
  const date = new Date(str(iso));
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}`;
}

/** Title and body of a volunteer's notice (push and email). */
export function teamNotice(template: string, params: Params, silent = false): PushPayload {
  const values = {
    commune: str(params.commune_name),
    team: str(params.team_name),
    needs: needsText(params.needs),
    time: vietnamTime(params.moves_at),
    count: str(params.count, '0'),
    hours: str(params.oldest_hours, '0'),
  };
  const titleKey =
    template === 'team_new_request' && params.handed_over === true
      ? 'notify.team_new_request.handed_over.title'
      : `notify.${template}.title`;
  const id = str(params.request_id);
  return {
    title: text(titleKey, values),
    body: text(`notify.${template}.body`, values),
    url: str(params.url, '/doi/'),
    tag: id ? `yeu-cau-${id}` : template,
    silent,
  };
}

/** An email to a volunteer: the notice, the link to open, why they get it. */
export function teamEmail(template: string, params: Params, siteUrl: string): { subject: string; text: string } {
  const notice = teamNotice(template, params);
  const url = new URL(notice.url, siteUrl).toString();
  return {
    subject: notice.title,
    text: `${notice.body}\n\n${text('notify.email.open', { url })}\n\n${text('notify.email.footer')}`,
  };
}

/** The GSM-7 basic character set (3GPP TS 23.038), without the escape extension. */
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** Vietnamese without diacritics, then only GSM-7 characters (others become spaces, runs folded). */
export function toGsm7(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .split('')
    .map((c) => (GSM7.has(c) ? c : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Whether a text is one GSM-7 segment. */
export function isOneGsm7Segment(sms: string): boolean {
  return sms.length <= SMS_MAX && [...sms].every((c) => GSM7.has(c));
}

/** Shortens a text to at most `max` characters on a word boundary. */
function shorten(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, Math.max(max, 0));
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).trim();
}

/**
 * The citizen's SMS: no diacritics, GSM-7, at most 160 characters. The confirmation names the
 * team and its phone when they fit: the team name is shortened first, then left out, never the
 * code or the verification word.
 */
export function citizenSms(template: string, params: Params, siteUrl: string): string {
  const base = {
    code: str(params.reference_code || params.code),
    word: str(params.verification_word),
    minutes: str(params.minutes, '10'),
    site: siteUrl.replace(/^https?:\/\//, '').replace(/\/$/, ''),
  };
  const fill = (team: string) => toGsm7(text(`notify.sms.${template}`, { ...base, team }));
  if (template !== 'citizen_booked') return shorten(fill(''), SMS_MAX);
  const teamName = toGsm7(str(params.team_name));
  const phone = str(params.team_phone);
  if (!teamName || !phone) return shorten(fill(''), SMS_MAX);
  const without = fill('');
  const teamPart = (name: string) => text('notify.sms.citizen_booked.team', { team: name, phone });
  for (let room = Math.min(teamName.length, SMS_MAX - without.length); room >= 8; room--) {
    const sms = fill(teamPart(shorten(teamName, room)));
    if (sms.length <= SMS_MAX) return sms;
  }
  return without;
}

/** A Vietnamese phone in the international form Zalo wants: 0912345678 → 84912345678. */
export function zaloPhone(phone: string): string {
  return phone.startsWith('0') ? `84${phone.slice(1)}` : phone.replace(/^\+/, '');
}

/** A Zalo ZNS message: the parameters of the approved template, and the text it reads as. */
export function citizenZalo(template: string, params: Params): { templateData: Record<string, string>; text: string } {
  const templateData: Record<string, string> = {
    code: str(params.reference_code || params.code).slice(0, 30),
    word: str(params.verification_word).slice(0, 30),
    team: str(params.team_name).slice(0, 100),
    phone: str(params.team_phone),
    minutes: str(params.minutes),
  };
  for (const key of Object.keys(templateData)) if (templateData[key] === '') delete templateData[key];
  const team =
    template === 'citizen_booked' && templateData.team && templateData.phone
      ? text('notify.zalo.citizen_booked.team', templateData)
      : '';
  return { templateData, text: text(`notify.zalo.${template}`, { ...templateData, team }).slice(0, 400) };
}
