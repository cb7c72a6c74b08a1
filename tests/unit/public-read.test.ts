import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/v4/core';
import { guideConfirmationStamp } from '../../src/lib/api/confirmations.ts';
import { failureOf as publicFailureOf, guideStampRead } from '../../src/lib/api/public-read.ts';
import { failureOf } from '../../src/lib/api/rpc.ts';

/**
 * The public reads of static pages check their answers without zod (src/lib/api/public-read.ts);
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

/** Any JSON-ish value a field might hold, or the field missing. */
const field = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
);
const nearStamp = fc.record(
  Object.fromEntries(Object.keys(stamp).map((key) => [key, field])) as Record<keyof typeof stamp, typeof field>,
  { requiredKeys: [] },
);
/** A valid answer with one field replaced (or dropped), and extra keys. */
const mutated = fc
  .tuple(fc.constantFrom(...Object.keys(stamp)), field, fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }))
  .map(([key, value, extra]) => ({ ...extra, ...stamp, [key]: value }));

describe('guide_confirmation_stamp read as anon', () => {
  it('names the function of its contract', () => {
    expect(guideStampRead.name).toBe(guideConfirmationStamp.name);
  });

  it('accepts a confirmed and a never-confirmed answer, as the schema does', () => {
    const never = { ...stamp, confirmed_on: null, app_name: null, app_version: null, team_name: null, open_report: true };
    for (const answer of [stamp, never]) {
      expect(guideStampRead.isAnswer(answer)).toBe(true);
      expect(safeParse(guideConfirmationStamp.answer, answer).success).toBe(true);
    }
  });

  it('accepts exactly what the contract schema accepts, on arbitrary answers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearStamp, mutated), (answer) => {
        expect(guideStampRead.isAnswer(answer)).toBe(safeParse(guideConfirmationStamp.answer, answer).success);
      }),
      { numRuns: 2000 },
    );
  });
});

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
