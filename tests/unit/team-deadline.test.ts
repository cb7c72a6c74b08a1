import { describe, expect, it } from 'vitest';
import { formatDeadline } from '../../src/lib/team/format.ts';

/** Deadlines in the team workspace always carry their date, in Vietnam time (issue 16 point 20). */
describe('formatDeadline', () => {
  it('gives time and date in Vietnam, whatever the device zone', () => {
    expect(formatDeadline('2026-11-30T09:30:00Z')).toBe('16:30 ngày 30/11');
    // 18:05 UTC is already the next day in Vietnam.
    expect(formatDeadline(new Date('2026-11-30T18:05:00Z'))).toBe('01:05 ngày 01/12');
  });
});
