import { describe, expect, it } from 'vitest';
import { forgetRequest, MAX_REMEMBERED, readMyRequests, rememberRequest } from '../../src/lib/booking/my-requests.ts';
import { memoryStorage } from '../support/memory-storage.ts';

describe('requests remembered on this device', () => {
  it('keeps code, commune and day only, newest first, once per code', () => {
    const storage = memoryStorage();
    rememberRequest({ code: 'QN-AAA-AAA-AAA', commune: 'Phường Hạ Long', at: '2026-11-29T01:00:00Z' }, storage);
    // Anything else handed over (a name, a phone) is not written.
    rememberRequest({ code: 'QN-BBB-BBB-BBB', at: '2026-11-29T02:00:00Z', name: 'Mai', phone: '0912' } as never, storage);
    rememberRequest({ code: 'QN-AAA-AAA-AAA', commune: 'Phường Hạ Long', at: '2026-11-29T01:00:00Z' }, storage);
    expect(readMyRequests(storage)).toEqual([
      { code: 'QN-AAA-AAA-AAA', commune: 'Phường Hạ Long', at: '2026-11-29T01:00:00Z' },
      { code: 'QN-BBB-BBB-BBB', at: '2026-11-29T02:00:00Z' },
    ]);
    expect(storage.getItem('tgs.booking.mine.v1')).not.toMatch(/Mai|0912/);
  });

  it(`keeps at most ${MAX_REMEMBERED}, and forgets one on request`, () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_REMEMBERED + 3; i++) rememberRequest({ code: `QN-${i}`, at: 'x' }, storage);
    expect(readMyRequests(storage).map((e) => e.code)).toEqual(
      Array.from({ length: MAX_REMEMBERED }, (_, i) => `QN-${MAX_REMEMBERED + 2 - i}`),
    );
    expect(forgetRequest(`QN-${MAX_REMEMBERED + 2}`, storage)).toHaveLength(MAX_REMEMBERED - 1);
    expect(readMyRequests(storage).some((e) => e.code === `QN-${MAX_REMEMBERED + 2}`)).toBe(false);
  });

  it('ignores damaged contents and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('tgs.booking.mine.v1', '{oops');
    expect(readMyRequests(storage)).toEqual([]);
    storage.setItem('tgs.booking.mine.v1', '[{"code": 3}, {"code": "QN-1", "at": "x"}]');
    expect(readMyRequests(storage)).toEqual([{ code: 'QN-1', at: 'x' }]);
    expect(readMyRequests(undefined)).toEqual([]);
    expect(() => rememberRequest({ code: 'QN-1', at: 'x' }, undefined)).not.toThrow();
  });
});
