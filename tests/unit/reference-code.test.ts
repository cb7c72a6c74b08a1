import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  normalizeReferenceCode,
  REFERENCE_CODE_ALPHABET,
  REFERENCE_CODE_PATTERN,
} from '../../src/lib/domain/reference-code.ts';

describe('reference codes', () => {
  it('has a 30-character alphabet without look-alikes, giving at least 40 bits in 9 characters', () => {
    expect(new Set(REFERENCE_CODE_ALPHABET).size).toBe(30);
    for (const confusing of '01OILU') expect(REFERENCE_CODE_ALPHABET).not.toContain(confusing);
    expect(9 * Math.log2(REFERENCE_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['QN-7K4-M9P-X2A', 'QN-7K4-M9P-X2A'],
    ['qn-7k4-m9p-x2a', 'QN-7K4-M9P-X2A'],
    ['qn 7k4 m9p x2a', 'QN-7K4-M9P-X2A'],
    ['7K4M9PX2A', 'QN-7K4-M9P-X2A'],
    ['QN7K4M9PX2A', 'QN-7K4-M9P-X2A'],
    [' 7k4.m9p.x2a ', 'QN-7K4-M9P-X2A'],
    // Nine characters are a code even when they start with QN.
    ['QNA-BCD-EFG', 'QN-QNA-BCD-EFG'],
    ['QN-7K4-M9P-X2', null],
    ['QN-7K4-M9P-X2AB', null],
    ['QN-0K4-M9P-X2A', null],
    ['QN-IK4-M9P-X2A', null],
    ['QN-UK4-M9P-X2A', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeReferenceCode(input)).toBe(expected);
  });

  it('always yields a canonical code or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (raw) => {
        const code = normalizeReferenceCode(raw);
        if (code !== null) expect(code).toMatch(REFERENCE_CODE_PATTERN);
      }),
    );
  });
});
