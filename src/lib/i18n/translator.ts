/**
 * Fills `{name}` placeholders in a Vietnamese message. Numbers are formatted the Vietnamese way
 * (1.473); a placeholder without a value stays visible instead of printing "undefined".
 */
export function fillMessage(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? value.toLocaleString('vi-VN') : value;
  });
}

/**
 * Builds a `t()` for one set of messages. Each island imports the set for its own area
 * (src/lib/i18n/booking.ts, status.ts, team.ts, admin.ts) so that the browser downloads only the
 * strings that island can show; Astro pages use src/lib/i18n/t.ts, which holds every area and never
 * ships. Small page scripts that take their messages from data attributes use fillMessage().
 */
export function createTranslator<Messages extends Record<string, string>>(messages: Messages) {
  /** Returns the Vietnamese text for a key, with `{name}` placeholders filled in. */
  return function t(key: keyof Messages & string, values: Record<string, string | number> = {}): string {
    return fillMessage(messages[key], values);
  };
}
