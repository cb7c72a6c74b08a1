import vi from './vi.json';

/** Keys of every user-facing string; all of them live in vi.json. */
export type MessageKey = keyof typeof vi;

/**
 * Returns the Vietnamese text for a key, with `{name}` placeholders filled in.
 * Numbers are formatted the Vietnamese way (1.473).
 */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return vi[key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? value.toLocaleString('vi-VN') : value;
  });
}
