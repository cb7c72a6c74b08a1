import { describe, expect, it } from 'vitest';
import { t } from '../../src/lib/i18n/t.ts';

describe('t()', () => {
  it('fills placeholders and formats numbers the Vietnamese way', () => {
    expect(t('stats.summary', { communes: 54, teams: 1473 })).toBe(
      'Đang phục vụ 54 xã, phường, đặc khu với 1.473 tổ công nghệ số đang hoạt động.',
    );
  });

  it('leaves a missing placeholder visible instead of printing "undefined"', () => {
    expect(t('stats.summary', { communes: 54 })).toContain('{teams}');
  });
});

describe('message files', () => {
  it('define each key in one area file only, so that no area silently overrides another', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const folder = new URL('../../src/lib/i18n/vi/', import.meta.url);
    const owners = new Map<string, string[]>();
    for (const file of await readdir(folder)) {
      const messages = JSON.parse(await readFile(new URL(file, folder), 'utf8')) as Record<string, string>;
      for (const key of Object.keys(messages)) owners.set(key, [...(owners.get(key) ?? []), file]);
    }
    const clashes = [...owners].filter(([, files]) => files.length > 1).map(([key, files]) => `${key}: ${files.join(', ')}`);
    expect(clashes).toEqual([]);
    expect(owners.size).toBeGreaterThan(700);
  });
});
