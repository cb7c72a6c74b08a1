/**
 * Builds a `t()` for one set of messages. Each island imports the set for its own area
 * (src/lib/i18n/booking.ts, team.ts, admin.ts) so that the browser downloads only the strings that
 * island can show; Astro pages use src/lib/i18n/t.ts, which holds every area and never ships.
 */
export function createTranslator<Messages extends Record<string, string>>(messages: Messages) {
  /** Returns the Vietnamese text for a key, with `{name}` placeholders filled in. Numbers are
   * formatted the Vietnamese way (1.473). */
  return function t(key: keyof Messages & string, values: Record<string, string | number> = {}): string {
    return messages[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) return `{${name}}`;
      return typeof value === 'number' ? value.toLocaleString('vi-VN') : value;
    });
  };
}
