import { describe, expect, it } from 'vitest';
import type { RequestStatusAnswer } from '../../src/lib/api/status.ts';
import { OUTCOMES } from '../../src/lib/domain/team-vocabulary.ts';
import {
  checkCredentials,
  erasureDoneMessage,
  lookupErrorMessage,
  REASON_LABELS,
} from '../../src/lib/status/lookup.ts';
import { formatStepTime, OUTCOME_TEXTS, outcomeText, stepText, stepsFromTimes } from '../../src/lib/status/steps.ts';
import { t } from '../../src/lib/i18n/status.ts';

/**
 * The status page's logic apart from its markup (src/lib/status/): steps and outcomes in the
 * citizen's words, the steps of a request with none recorded, and the checks and messages of the
 * look-up, cancel and erasure forms.
 */

const TEAM = 'Tổ công nghệ số phường Hồng Gai';
const step = (s: Parameters<typeof stepText>[0]['step'], team: string | null = null, reason: string | null = null) =>
  stepText({ step: s, at: '2026-11-29T08:30:00Z', team, reason });

describe('steps in plain words', () => {
  it('names the team where there is one', () => {
    expect(step('received')).toBe('Đã nhận yêu cầu của bạn');
    expect(step('sent_to_team', TEAM)).toBe(`Đã gửi cho ${TEAM}`);
    expect(step('accepted', TEAM)).toBe(`${TEAM} đã nhận và sẽ gọi cho bạn`);
    expect(step('released', TEAM)).toContain(TEAM);
  });

  it('says how a closed request ended, and just "done" for an outcome it does not know', () => {
    expect(step('closed', null, 'helped')).toBe('Xong: Đã giúp xong');
    expect(step('closed', null, 'out_of_scope')).toMatch(/^Xong: Việc này tổ không giúp được/);
    expect(step('closed', null, 'toString')).toBe('Đã xong');
    expect(step('closed')).toBe('Đã xong');
  });

  it('has words for every outcome a request may carry', () => {
    expect(Object.keys(OUTCOME_TEXTS).sort()).toEqual([...OUTCOMES].sort());
    for (const outcome of OUTCOMES) expect(outcomeText(outcome)).not.toMatch(/[{}]/);
    expect(outcomeText(null)).toBeNull();
    expect(outcomeText('unknown')).toBeNull();
  });

  it('gives times in Vietnam’s time zone', () => {
    // 23:30 UTC is 06:30 the next morning in Vietnam (UTC+7).
    expect(formatStepTime('2026-11-29T23:30:00Z')).toMatch(/06:30.*30\/11|30\/11.*06:30/);
  });
});

describe('steps from the timestamps (a request with none recorded)', () => {
  const base: RequestStatusAnswer = {
    found: true,
    reference_code: 'QN-7K4-M9P-X2A',
    status: 'assigned',
    team: null,
    verification_word: 'hoa sen',
    received_at: '2026-11-29T08:00:00Z',
    assigned_at: '2026-11-29T08:00:01Z',
    accepted_at: null,
    closed_at: null,
    cancelled_at: null,
    outcome: null,
    can_cancel: true,
    personal_data_erased: false,
    steps: [],
  };

  it('lists the steps to come for an open request', () => {
    expect(stepsFromTimes(base)).toEqual([
      { key: 'lookup.step.received', at: base.received_at },
      { key: 'lookup.step.assigned', at: base.assigned_at },
      { key: 'lookup.step.accepted', at: null },
      { key: 'lookup.step.closed', at: null },
    ]);
  });

  it('lists only what happened before a cancel, then the cancel', () => {
    const cancelled = { ...base, status: 'cancelled' as const, cancelled_at: '2026-11-29T09:00:00Z' };
    expect(stepsFromTimes(cancelled).map((s) => s.key)).toEqual([
      'lookup.step.received',
      'lookup.step.assigned',
      'lookup.step.cancelled',
    ]);
  });
});

describe('look-up, cancel and erasure forms', () => {
  it('normalises a code and phone as typed', () => {
    expect(checkCredentials(' qn-7k4-m9p-x2a ', '+84 912 345 678')).toEqual({
      ok: true,
      code: 'QN-7K4-M9P-X2A',
      phone: '0912345678',
    });
  });

  it('says which of code and phone is malformed (the server would only say "not found")', () => {
    expect(checkCredentials('QN-1', '0912 345 678')).toEqual({ ok: false, errors: { code: t('lookup.error.code'), phone: undefined } });
    expect(checkCredentials('', '')).toEqual({
      ok: false,
      errors: { code: t('lookup.error.code'), phone: t('lookup.error.phone') },
    });
  });

  it('has a message for each answer code, and "unreachable" for anything else', () => {
    expect(lookupErrorMessage('not_found')).toMatch(/^Không tìm thấy yêu cầu/);
    expect(lookupErrorMessage('rate_limited')).toBe(t('lookup.error.rate_limited'));
    expect(lookupErrorMessage('network')).toBe(t('lookup.error.unavailable'));
    expect(lookupErrorMessage('constructor')).toBe(t('lookup.error.unavailable'));
  });

  it('tells an erasure done now (and the request cancelled) from one at closing', () => {
    expect(erasureDoneMessage({ status: 'cancelled', erased: true })).toBe(t('erase.doneCancelled'));
    expect(erasureDoneMessage({ status: 'closed', erased: true })).toBe(t('erase.done'));
    expect(erasureDoneMessage({ status: 'accepted', erased: false })).toBe(t('erase.flagged'));
  });

  it('has words for every cancel reason', () => {
    for (const key of Object.values(REASON_LABELS)) expect(t(key)).not.toMatch(/[{}]/);
  });
});
