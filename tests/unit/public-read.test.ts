import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { guideConfirmationStamp } from '../../src/lib/api/confirmations.ts';
import { outreachTotals } from '../../src/lib/api/outreach.ts';
import { portalStats } from '../../src/lib/api/portal.ts';
import { communeInfoRead } from '../../src/lib/api/commune-info-read.ts';
import {
  failureOf as publicFailureOf,
  guideStampRead,
  outreachTotalsRead,
  portalStatsRead,
  type PublicRead,
} from '../../src/lib/api/public-read.ts';
import { failureOf, type RpcContract } from '../../src/lib/api/rpc.ts';
import { communePublicInfo } from '../../src/lib/api/sessions.ts';

/**
 * The public reads of static pages check their answers without zod (src/lib/api/public-read.ts,
 * commune-info-read.ts);
 * each check must accept exactly what its contract's zod schema accepts, or the page would show
 * what callRpc would refuse (or hide what it would show).
 */

const stamp = {
  guide_code: 'vs4',
  confirmed_on: '2026-11-29',
  app_name: 'VssID',
  app_version: '1.6',
  team_name: 'Tổ công nghệ số phường Móng Cái 1',
  open_report: false,
};
const neverConfirmed = { ...stamp, confirmed_on: null, app_name: null, app_version: null, team_name: null, open_report: true };

const commune = { code: '22015', name: 'Phường Móng Cái 1', slug: 'mong-cai-1' };
const session = {
  id: 7,
  commune,
  place_name: 'Nhà văn hóa khu 3',
  address: 'Khu 3, phường Móng Cái 1',
  first_day: '2026-12-05',
  until_day: '2027-02-27',
  weekdays: [6],
  starts_at: '08:00',
  ends_at: '11:00',
  topics: ['vssid', 'vneid'],
  note: null,
  cancelled_days: ['2026-12-26'],
  team_code: 'MC1-01',
  team_name: 'Tổ công nghệ số phường Móng Cái 1',
};
const communeInfo = {
  commune,
  teams: [{ code: 'MC1-01', name: 'Tổ công nghệ số phường Móng Cái 1', phone: '0912345678' }, { code: 'MC1-02', name: 'Tổ 2', phone: null }],
  sessions: [session, { ...session, id: 8, until_day: null, weekdays: [], note: 'Mang theo CCCD', cancelled_days: [], topics: [] }],
};

interface Case {
  read: PublicRead<RpcContract>;
  contract: RpcContract;
  /** Answers the schema accepts; the property test mutates them anywhere in their tree. */
  valid: unknown[];
}
const cases: Record<string, Case> = {
  guide_confirmation_stamp: { read: guideStampRead, contract: guideConfirmationStamp, valid: [stamp, neverConfirmed] },
  portal_stats: { read: portalStatsRead, contract: portalStats, valid: [{ communes: 54, teams: 1473 }, { communes: 0, teams: 0 }] },
  outreach_totals: { read: outreachTotalsRead, contract: outreachTotals, valid: [{ people_helped: 1200, shops: 35 }] },
  commune_public_info: {
    read: communeInfoRead,
    contract: communePublicInfo,
    valid: [communeInfo, { commune, teams: [], sessions: [] }],
  },
} as unknown as Record<string, Case>;

/** Any JSON-ish value a field might hold (near-misses of the formats included), or the field missing. */
const field = fc.oneof(
  fc.string(),
  fc.constantFrom('2026-11-30', '26-11-30', '2026-11-30\n', '07:30', '7:30', '07:30:00', ''),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, -0, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);

/** Every path into a JSON value (objects' keys and arrays' indexes), the root included. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const children =
    Array.isArray(value) ? value.map((item, i) => pathsOf(item, [...at, i])).flat()
    : typeof value === 'object' && value !== null ? Object.entries(value).map(([key, item]) => pathsOf(item, [...at, key])).flat()
    : [];
  return [at, ...children];
}

/** A copy of the value with the value at path replaced (undefined drops an object's key). */
function replacedAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replacedAt(item, rest, replacement) : item));
  const copy = { ...(value as Record<string, unknown>) };
  const next = replacedAt(copy[head as string], rest, replacement);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** A valid answer with one value anywhere in it replaced or dropped, and maybe extra keys on top. */
const mutatedFrom = (valid: unknown[]) =>
  fc
    .constantFrom(...valid)
    .chain((answer) => fc.tuple(fc.constant(answer), fc.constantFrom(...pathsOf(answer)), field, fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })))
    .map(([answer, path, value, extra]) => {
      const mutated = replacedAt(answer, path, value);
      return typeof mutated === 'object' && mutated !== null && !Array.isArray(mutated) ? { ...extra, ...mutated } : mutated;
    });

for (const [name, { read, contract, valid }] of Object.entries(cases)) {
  describe(`${name} read as anon`, () => {
    it('names the function of its contract', () => {
      expect(read.name).toBe(name);
      expect(read.name).toBe(contract.name);
    });

    it('accepts the sample answers, as the schema does', () => {
      for (const answer of valid) {
        expect(safeParse(contract.answer, answer).success).toBe(true);
        expect(read.isAnswer(answer)).toBe(true);
      }
    });

    it('accepts exactly what the contract schema accepts, on arbitrary and mutated answers', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), mutatedFrom(valid), mutatedFrom(valid)), (answer) => {
          expect(read.isAnswer(answer)).toBe(safeParse(contract.answer, answer).success);
        }),
        { numRuns: 2000 },
      );
    });
  });
}

describe('failures of a public read', () => {
  it('read as callRpc reads them', () => {
    const errors = [
      { code: 'P0001', message: 'guide_invalid' },
      { code: '', message: 'TypeError: Failed to fetch' },
      { message: 'NetworkError when attempting to fetch resource.' },
      { code: 'PGRST202', message: 'Could not find the function' },
    ];
    for (const error of errors) expect(publicFailureOf(error)).toEqual(failureOf(error));
    expect(publicFailureOf(errors[0]).code).toBe('guide_invalid');
    expect(publicFailureOf(errors[1]).code).toBe('network');
  });
});
