import { describe, expect, it } from 'vitest';
import communesJson from '../../content/communes.json' with { type: 'json' };
import { typedCommune, type CommuneChoice } from '../../src/lib/booking/communes.ts';
import { checkBooking, withTypedCommune } from '../../src/lib/booking/form-errors.ts';
import { EMPTY_VALUES } from '../../src/lib/booking/form-values.ts';

/** A commune typed in the booking form but not tapped in the list (issue 16 point 15). */

const communes: CommuneChoice[] = communesJson.map(({ code, name, slug, formerUnits, lat, lon }) => ({
  code, name, slug, formerUnits, lat, lon,
}));

describe('typedCommune', () => {
  it('takes an exact name, folded, with or without its type word, or a slug', () => {
    for (const text of ['hong gai', 'Hồng Gai', '  phuong HONG gai ', 'Phường Hồng Gai', 'hong-gai']) {
      expect(typedCommune(communes, text)?.name, text).toBe('Phường Hồng Gai');
    }
    expect(typedCommune(communes, 'ha long')?.name).toBe('Phường Hạ Long');
  });

  it('takes the only match of a partial name', () => {
    expect(typedCommune(communes, 'co to')?.name).toBe('Đặc khu Cô Tô');
    expect(typedCommune(communes, 'tuan ch')?.name).toBe('Phường Tuần Châu');
  });

  it('takes none when several or none match', () => {
    expect(typedCommune(communes, 'quang')).toBeNull();
    expect(typedCommune(communes, 'mong cai')).toBeNull();
    expect(typedCommune(communes, 'zzz')).toBeNull();
    expect(typedCommune(communes, '   ')).toBeNull();
  });
});

describe('booking check with a typed commune', () => {
  const filled = { ...EMPTY_VALUES, phone: '0912345678', name: 'Nguyễn Thị Mai', needs: ['vssid' as const], consent: true };

  it('sends the commune typed when it names one', () => {
    const values = withTypedCommune(filled, 'hong gai', communes);
    const checked = checkBooking(values, '0b7a1c84-5f6e-4d3c-9a2b-1c0d9e8f7a6b');
    expect(checked.ok && checked.payload.commune_code).toBe('06685');
  });

  it('asks to tap a name when the text names several', () => {
    const values = withTypedCommune(filled, 'quang', communes);
    const checked = checkBooking(values, '0b7a1c84-5f6e-4d3c-9a2b-1c0d9e8f7a6b', 'quang');
    expect(!checked.ok && checked.errors.fields.commune).toMatch(/^Chạm vào tên xã, phường trong danh sách/);
    const empty = checkBooking(filled, '0b7a1c84-5f6e-4d3c-9a2b-1c0d9e8f7a6b', '');
    expect(!empty.ok && empty.errors.fields.commune).toBe('Chọn xã, phường hoặc đặc khu nơi cần giúp');
  });
});
