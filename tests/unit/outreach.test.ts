import { describe, expect, it } from 'vitest';
import type { OutreachEntry, OutreachStatistics } from '../../src/lib/api/outreach.ts';
import { OUTREACH_KINDS } from '../../src/lib/domain/outreach.ts';
import {
  emptyValues,
  fieldOfCode,
  formProblems,
  looksLikePhone,
  MAIN_COUNTS,
  toInput,
  valuesOf,
  type OutreachValues,
} from '../../src/lib/outreach/form.ts';
import { figuresText, kindText, outreachErrorText } from '../../src/lib/outreach/labels.ts';
import { bars, outreachRows, outreachToCsv } from '../../src/lib/outreach/statistics.ts';
import { hasMessage } from '../../src/lib/i18n/outreach.ts';
import { OUTREACH_ERROR_CODES } from '../../src/lib/domain/outreach.ts';

/** The outreach log's pure parts: the form's rules, its words, and the admin charts' rows and CSV. */

const filled = (overrides: Partial<OutreachValues> = {}): OutreachValues => ({
  ...emptyValues('06685', '2026-11-29'),
  kind: 'home_visit',
  counts: { people_helped: '3', shops: '', flyers: '', participants: '' },
  ...overrides,
});

describe('outreach form', () => {
  it('starts on today and the team commune, with no kind chosen', () => {
    expect(emptyValues('06685', '2026-11-29')).toEqual({
      kind: '', counts: { people_helped: '', shops: '', flyers: '', participants: '' },
      commune_code: '06685', day: '2026-11-29', platforms: [], note: '',
    });
  });

  it('sends counts as numbers (empty as 0, thousands dots dropped) and an empty note as null', () => {
    const input = toInput(filled({ counts: { people_helped: ' 12 ', shops: '', flyers: '1.000', participants: '' }, note: '  ' }));
    expect(input).toEqual({
      kind: 'home_visit', commune_code: '06685', day: '2026-11-29', platforms: [], note: null,
      people_helped: 12, shops: 0, flyers: 1000, participants: 0,
    });
    // What is not a whole number is sent as typed, for the SQL to refuse with count_invalid.
    expect(toInput(filled({ counts: { people_helped: '2,5', shops: '', flyers: '', participants: '' } })).people_helped).toBe('2,5');
  });

  it('finds the same problems as the SQL before sending, in the form order', () => {
    expect(formProblems(filled())).toEqual([]);
    expect(formProblems(filled({ kind: '', counts: { people_helped: '', shops: '', flyers: '', participants: '' }, day: '' }))).toEqual([
      ['kind', 'kind_invalid'], ['people_helped', 'counts_required'], ['day', 'day_invalid'],
    ]);
    expect(formProblems(filled({ kind: 'flyers', counts: { people_helped: '', shops: '', flyers: '0', participants: '' } }))).toEqual([
      ['flyers', 'counts_required'],
    ]);
    expect(formProblems(filled({ counts: { people_helped: '1001', shops: 'x', flyers: '', participants: '' } }))).toEqual([
      ['people_helped', 'count_invalid'], ['shops', 'count_invalid'],
    ]);
    expect(formProblems(filled({ note: 'a'.repeat(301) }))).toEqual([['note', 'note_invalid']]);
    expect(formProblems(filled({ note: 'Chủ quán số 0912.345.678' }))).toEqual([['note', 'note_has_phone']]);
  });

  it('recognises phone numbers in notes as the SQL does, not years or counts', () => {
    for (const phone of ['0912345678', '0912 345 678', '+84 912 345 678', '(0203) 3825 123', '091-234-5678']) {
      expect(looksLikePhone(`gọi ${phone} nhé`), phone).toBe(true);
    }
    for (const text of ['Năm 2025 có 15 cửa hàng', '120 tờ rơi, 30 người', 'Ngày 29/11/2026', '12345678']) {
      expect(looksLikePhone(text), text).toBe(false);
    }
  });

  it('puts each SQL error at its field, or above the form', () => {
    const values = filled({ kind: 'cashless_shops' });
    expect(fieldOfCode('counts_required', values)).toBe('shops');
    expect(fieldOfCode('day_future', values)).toBe('day');
    expect(fieldOfCode('note_has_phone', values)).toBe('note');
    expect(fieldOfCode('rate_limited', values)).toBeNull();
  });

  it('shows every kind with a first figure, and takes an entry back for editing', () => {
    for (const kind of OUTREACH_KINDS) expect(MAIN_COUNTS[kind].length).toBeGreaterThan(0);
    const entry = {
      id: 1, team_id: 2, kind: 'training', day: '2026-11-20', commune_code: '06652', commune_name: 'Phường Hà Tu',
      people_helped: 0, shops: 0, flyers: 0, participants: 40, platforms: ['etax'], note: null, member_id: 3,
      member_name: 'An', mine: true, editable: true, editable_until: '2026-11-27T10:00:00Z', created_at: '2026-11-20T10:00:00Z',
    } satisfies OutreachEntry;
    expect(valuesOf(entry)).toEqual({
      kind: 'training', counts: { people_helped: '', shops: '', flyers: '', participants: '40' },
      commune_code: '06652', day: '2026-11-20', platforms: ['etax'], note: '',
    });
  });
});

describe('outreach words', () => {
  it('has a Vietnamese label for every kind and error code', () => {
    for (const kind of OUTREACH_KINDS) expect(hasMessage(`outreach.kind.${kind}`), kind).toBe(true);
    for (const code of OUTREACH_ERROR_CODES) expect(hasMessage(`outreach.error.${code}`), code).toBe(true);
    expect(kindText('cashless_shops')).toBe('Hỗ trợ cửa hàng thanh toán không dùng tiền mặt');
    expect(kindText('unknown_kind')).toBe('unknown_kind');
  });

  it('says the figures that are not zero, the Vietnamese way', () => {
    expect(figuresText({ people_helped: 1200, shops: 0, flyers: 30, participants: 0 })).toBe('1.200 người được hỗ trợ · 30 tờ rơi');
  });

  it('fills the limits into the messages that name them', () => {
    expect(outreachErrorText('edit_closed', { editDays: 7 })).toContain('7 ngày');
    expect(outreachErrorText('day_too_old', { maxAgeDays: 60 })).toContain('60 ngày');
    expect(outreachErrorText('something_new')).toBe(outreachErrorText('unexpected'));
  });
});

const figures = (entries: number, people_helped: number, shops = 0, flyers = 0, participants = 0) => ({
  entries, people_helped, shops, flyers, participants,
});

const STATS: OutreachStatistics = {
  scope: { from: '2024-02-05', to: '2024-02-18', team_id: null, team_name: null },
  total: figures(4, 36, 10, 200, 45),
  by_week: [
    { week: '2024-02-05', ...figures(2, 6, 10) },
    { week: '2024-02-12', ...figures(2, 30, 0, 200, 45) },
  ],
  by_commune: [{ commune_code: '06652', commune_name: 'Phường Hà Tu', ...figures(2, 30, 0, 200, 45) }],
  by_team: [{ team_id: 7, team_code: 'HT-1', team_name: 'Tổ "Hà Tu", khu 5', ...figures(1, 30, 0, 0, 45) }],
  by_kind: [{ kind: 'cashless_shops', ...figures(1, 2, 10) }],
};

describe('outreach statistics for admins', () => {
  it('labels the rows of each chart in Vietnamese', () => {
    const rows = outreachRows(STATS);
    expect(bars(rows.week, 'people_helped')).toEqual([
      { label: '05/02/2024', value: 6 },
      { label: '12/02/2024', value: 30 },
    ]);
    expect(rows.team[0].label).toBe('HT-1 · Tổ "Hà Tu", khu 5');
    expect(bars(rows.kind, 'entries')).toEqual([{ label: 'Hỗ trợ cửa hàng thanh toán không dùng tiền mặt', value: 1 }]);
  });

  it('exports one CSV table, quoting names with commas and quotes', () => {
    const lines = outreachToCsv(STATS).split('\r\n');
    expect(lines[0]).toBe('section,key,label,entries,people_helped,shops,flyers,participants');
    expect(lines).toContain('total,,,4,36,10,200,45');
    expect(lines).toContain('week,2024-02-05,05/02/2024,2,6,10,0,0');
    expect(lines).toContain('commune,06652,Phường Hà Tu,2,30,0,200,45');
    expect(lines).toContain('team,HT-1,"Tổ ""Hà Tu"", khu 5",1,30,0,0,45');
    expect(lines).toContain('kind,cashless_shops,Hỗ trợ cửa hàng thanh toán không dùng tiền mặt,1,2,10,0,0');
    expect(lines.at(-1)).toBe('');
  });
});
