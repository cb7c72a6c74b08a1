import common from './vi/common.json';
import booking from './vi/booking.json';
import guides from './vi/guides.json';
import posters from './vi/posters.json';
import team from './vi/team.json';
import admin from './vi/admin.json';

/**
 * Every user-facing string lives in src/lib/i18n/vi/<area>.json (flat dot keys, one file per area
 * so that areas can grow without stepping on each other). Add a new area file to `messages` below.
 */
const messages = {
  ...common,
  ...booking,
  ...guides,
  ...posters,
  ...team,
  ...admin,
};

/** Keys of every user-facing string. */
export type MessageKey = keyof typeof messages;

/**
 * Returns the Vietnamese text for a key, with `{name}` placeholders filled in.
 * Numbers are formatted the Vietnamese way (1.473).
 */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? value.toLocaleString('vi-VN') : value;
  });
}
