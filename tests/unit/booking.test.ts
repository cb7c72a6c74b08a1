import { describe, expect, it } from 'vitest';
import communesJson from '../../content/communes.json' with { type: 'json' };
import { createCommuneSearch, nearestCommune, type CommuneChoice } from '../../src/lib/booking/communes.ts';
import {
  newIdempotencyKey,
  readConfirmation,
  readOutbox,
  retryDelay,
  writeConfirmation,
  writeOutbox,
  type PendingBooking,
} from '../../src/lib/booking/outbox.ts';
import { FIELD_ERRORS, isRetryable, REQUEST_HELP_ERRORS } from '../../src/lib/booking/errors.ts';
import { LOOKUP_ERRORS } from '../../src/lib/status/lookup.ts';
import { t, type MessageKey } from '../../src/lib/i18n/t.ts';
import booking from '../../src/lib/i18n/vi/booking.json' with { type: 'json' };
import lookup from '../../src/lib/i18n/vi/lookup.json' with { type: 'json' };
import { memoryStorage } from '../support/memory-storage.ts';

const communes: CommuneChoice[] = communesJson.map(({ code, name, slug, formerUnits, lat, lon }) => ({
  code, name, slug, formerUnits, lat, lon,
}));

describe('commune search', () => {
  const search = createCommuneSearch(communes);

  it('finds "Phường Hạ Long" first from "ha long", with or without diacritics or type', () => {
    for (const query of ['ha long', 'Hạ Long', 'HA LONG', 'phuong ha long', 'ha lo']) {
      expect(search(query)[0]?.name, query).toBe('Phường Hạ Long');
    }
  });

  it('finds special zones and numbered wards', () => {
    expect(search('co to')[0]?.name).toBe('Đặc khu Cô Tô');
    expect(search('mong cai 2')[0]?.name).toBe('Phường Móng Cái 2');
  });

  it('finds a unit by the name of a commune merged into it', () => {
    expect(search('hung thang').map((c) => c.name)).toContain('Phường Bãi Cháy');
  });

  it('returns nothing for nothing, for a type word alone, or for gibberish', () => {
    expect(search('')).toEqual([]);
    expect(search('phuong')).toEqual([]);
    expect(search('zzzz')).toEqual([]);
  });

  it('returns at most the limit', () => {
    expect(search('a', 5).length).toBeLessThanOrEqual(5);
  });

  it('suggests the commune nearest to a GPS point', () => {
    expect(nearestCommune(communes, 20.991, 107.757)?.name).toBe('Đặc khu Cô Tô');
    expect(nearestCommune(communes, 20.9541, 107.0783)?.name).toBe('Phường Hồng Gai');
  });
});

describe('booking outbox', () => {
  const pending: PendingBooking = {
    payload: { idempotency_key: 'k' } as PendingBooking['payload'],
    attempts: 2,
    queuedAt: 1,
  };

  it('keeps a pending request and its key until cleared', () => {
    const storage = memoryStorage();
    expect(readOutbox(storage)).toBeNull();
    writeOutbox(pending, storage);
    expect(readOutbox(storage)).toEqual(pending);
    writeOutbox(null, storage);
    expect(readOutbox(storage)).toBeNull();
  });

  it('ignores damaged or foreign storage contents and works without storage', () => {
    const storage = memoryStorage();
    storage.setItem('tgs.booking.outbox.v1', '{not json');
    expect(readOutbox(storage)).toBeNull();
    storage.setItem('tgs.booking.outbox.v1', '{"payload": 3}');
    expect(readOutbox(storage)).toBeNull();
    expect(readOutbox(undefined)).toBeNull();
    expect(() => writeOutbox(pending, undefined)).not.toThrow();
  });

  it('keeps the confirmation without any personal data', () => {
    const storage = memoryStorage();
    const answer = {
      reference_code: 'QN-7K4-M9P-X2A', status: 'assigned' as const, team: { name: 'Tổ', phone: '0900000001' },
      next_step: 'team_will_call' as const, verification_word: 'hoa sen', gps_ignored: false, created_at: 'x',
    };
    writeConfirmation({ answer, communeName: 'Phường Hạ Long' }, storage);
    expect(readConfirmation(storage)?.answer.reference_code).toBe('QN-7K4-M9P-X2A');
    // Only the server's answer (code, team, word) and the commune's name: nothing the citizen typed.
    expect(JSON.parse(storage.getItem('tgs.booking.confirmation.v1')!)).toEqual({ answer, communeName: 'Phường Hạ Long' });
  });

  it('backs off 2, 4, 8, 16 s, then every 30 s, with ±20 % jitter', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelay(n, () => 0.5))).toEqual([2000, 4000, 8000, 16000, 30000, 30000]);
    expect(retryDelay(1, low)).toBe(1600);
    expect(retryDelay(9, high)).toBeLessThanOrEqual(36000);
  });

  it('makes version-4 UUIDs, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).toMatch(uuid);
    const withoutRandomUUID = { getRandomValues: (a: Uint8Array) => crypto.getRandomValues(a) } as unknown as Crypto;
    const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey(withoutRandomUUID)));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(uuid);
  });
});

describe('booking error codes', () => {
  it('has a Vietnamese message for every code request_help may answer with', () => {
    for (const code of REQUEST_HELP_ERRORS) {
      expect(Object.keys(booking), code).toContain(`booking.error.${code}`);
      expect(t(`booking.error.${code}` as MessageKey)).not.toMatch(/[{}]/);
    }
  });

  it('has a message for every look-up code, and each field code points to a field', () => {
    for (const code of LOOKUP_ERRORS.filter((c) => c !== 'post_required')) {
      expect(Object.keys(lookup), code).toContain(`lookup.error.${code}`);
    }
    expect(new Set(Object.values(FIELD_ERRORS)).size).toBeGreaterThan(10);
  });

  it('retries only what may pass later', () => {
    expect(isRetryable('network')).toBe(true);
    expect(isRetryable('unexpected')).toBe(true);
    expect(isRetryable('PostgREST is not reachable')).toBe(true);
    // The gateway's one answer for a failing backend (supabase/local/gateway.ts).
    expect(isRetryable('service_unavailable')).toBe(true);
    expect(isRetryable('phone_invalid')).toBe(false);
    expect(isRetryable('rate_limited_phone')).toBe(false);
  });
});
