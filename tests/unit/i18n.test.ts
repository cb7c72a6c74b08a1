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
