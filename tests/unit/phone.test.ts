import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPhone, normalizePhone } from '../../src/lib/domain/phone.ts';
import { PHONE_CASES } from '../support/phone-cases.ts';

describe('normalizePhone', () => {
  it.each(PHONE_CASES)('%j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it('returns null for nothing', () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone(undefined)).toBeNull();
  });

  it('is idempotent and only ever returns a national number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const phone = normalizePhone(raw);
        if (phone === null) return;
        expect(phone).toMatch(/^0([35789][0-9]{8}|2[0-9]{9})$/);
        expect(normalizePhone(phone)).toBe(phone);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every spelling of a valid mobile number', () => {
    const mobile = fc
      .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^[0-9]{8}$/))
      .map(([prefix, rest]) => `0${prefix}${rest}`);
    const spelling = fc.constantFrom(
      (p: string) => p,
      (p: string) => `+84 ${p.slice(1, 4)} ${p.slice(4, 7)} ${p.slice(7)}`,
      (p: string) => `84${p.slice(1)}`,
      (p: string) => `${p.slice(0, 4)}.${p.slice(4, 7)}.${p.slice(7)}`,
      (p: string) => p.slice(1),
    );
    fc.assert(fc.property(mobile, spelling, (phone, spell) => normalizePhone(spell(phone)) === phone));
  });
});

describe('formatPhone', () => {
  it('groups mobile and landline numbers for reading aloud', () => {
    expect(formatPhone('0912345678')).toBe('0912 345 678');
    expect(formatPhone('02033825123')).toBe('0203 3825 123');
    expect(formatPhone('123')).toBe('123');
  });
});
