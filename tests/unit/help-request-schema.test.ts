import { describe, expect, it } from 'vitest';
import {
  cleanLine,
  cleanText,
  codePointLength,
  CONSENT_VERSION,
  helpRequestSchema,
  isValidName,
} from '../../src/lib/schemas/help-request.ts';
import { helpRequestAnswerSchema } from '../../src/lib/api/booking.ts';
import { requestStatusSchema } from '../../src/lib/api/status.ts';

const valid = {
  idempotency_key: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
  name: '  Nguyễn\u00a0 Văn  An ',
  phone: '+84 912 345 678',
  commune_code: '06685',
  needs: ['vssid', 'vssid', 'other'],
  time_window: 'morning',
  consent: true,
  consent_version: CONSENT_VERSION,
};

function codes(input: unknown): string[] {
  const result = helpRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('helpRequestSchema', () => {
  it('cleans and normalises a valid booking into what is sent', () => {
    expect(helpRequestSchema.parse({ ...valid, location: { lat: 20.95412, lon: 107.07891 }, guide_code: 'vs4', guide_step: 2 })).toEqual({
      idempotency_key: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      on_behalf: false,
      name: 'Nguyễn Văn An',
      phone: '0912345678',
      helper_name: null,
      helper_phone: null,
      commune_code: '06685',
      address: null,
      location: { lat: 20.954, lon: 107.079 },
      needs: ['vssid', 'other'],
      guide_code: 'vs4',
      guide_step: 2,
      description: null,
      time_window: 'morning',
      source_poster: null,
      consent: true,
      consent_version: CONSENT_VERSION,
    });
  });

  it('makes the helper the contact when booking on someone’s behalf', () => {
    const parsed = helpRequestSchema.parse({ ...valid, on_behalf: true, phone: '', helper_name: 'Lê Minh', helper_phone: '0987.654.321' });
    expect(parsed).toMatchObject({ on_behalf: true, phone: null, helper_name: 'Lê Minh', helper_phone: '0987654321' });
    // Without on_behalf the helper fields are ignored, whatever they hold.
    expect(helpRequestSchema.parse({ ...valid, helper_name: 42, helper_phone: {} })).toMatchObject({ helper_name: null, helper_phone: null });
  });

  it('reports every problem at once, each as a stable code', () => {
    expect(codes({ idempotency_key: 'x', on_behalf: true, needs: [], consent: false, guide_step: 3 }).sort()).toEqual(
      [
        'idempotency_key_invalid',
        'name_required',
        'helper_phone_required',
        'helper_name_required',
        'commune_required',
        'needs_required',
        'step_invalid',
        'time_window_required',
        'consent_required',
        'consent_version_invalid',
      ].sort(),
    );
  });

  it.each([
    [{ phone: '' }, 'phone_required'],
    [{ phone: '0112345678' }, 'phone_invalid'],
    [{ phone: 912345678 }, 'phone_invalid'],
    [{ name: 'A' }, 'name_invalid'],
    [{ name: '<Lan>' }, 'name_invalid'],
    [{ name: '---' }, 'name_invalid'],
    [{ name: 'Lan\u202e' }, 'name_invalid'],
    [{ commune_code: '6685' }, 'commune_unknown'],
    [{ commune_code: 6685 }, 'commune_unknown'],
    [{ address: 'a<b' }, 'address_invalid'],
    [{ address: 'x'.repeat(201) }, 'address_invalid'],
    [{ location: { lat: 21 } }, 'location_invalid'],
    [{ location: { lat: 21, lon: 181 } }, 'location_invalid'],
    [{ needs: ['vssid', 'bank'] }, 'needs_invalid'],
    [{ needs: Array(11).fill('vssid') }, 'needs_invalid'],
    [{ guide_code: 'VS4' }, 'guide_invalid'],
    [{ guide_code: 'vs4', guide_step: 0 }, 'step_invalid'],
    [{ guide_code: 'vs4', guide_step: 51 }, 'step_invalid'],
    [{ guide_code: 'vs4', guide_step: '2' }, 'step_invalid'],
    [{ description: '🙏'.repeat(501) }, 'description_invalid'],
    [{ description: 'a\u0000' }, 'description_invalid'],
    [{ time_window: 'night' }, 'time_window_invalid'],
    [{ source_poster: 'x y' }, 'poster_invalid'],
    [{ consent: 'true' }, 'consent_required'],
    [{ consent_version: 'old' }, 'consent_version_invalid'],
    [{ website: 'bot' }, 'honeypot'],
    [{ on_behalf: 1 }, 'on_behalf_invalid'],
  ])('rejects %j with %s', (overrides, code) => {
    expect(codes({ ...valid, ...overrides })).toContain(code);
  });

  it('rejects anything that is not an object', () => {
    for (const input of [null, 'x', 1, []]) expect(codes(input)).toEqual(['payload_invalid']);
  });

  it('counts characters as PostgreSQL does: an emoji is one', () => {
    expect(helpRequestSchema.safeParse({ ...valid, description: '🙏'.repeat(500) }).success).toBe(true);
    expect(codePointLength('🙏🙏')).toBe(2);
  });

  it('accepts the empty honeypot and optional fields left empty', () => {
    const parsed = helpRequestSchema.parse({ ...valid, website: '', address: '  ', description: ' \n ', guide_code: '', source_poster: '' });
    expect(parsed).toMatchObject({ address: null, description: null, guide_code: null, source_poster: null });
  });
});

describe('text rules shared with SQL', () => {
  it('cleans one line and several lines the same way as app.clean_line / app.clean_text', () => {
    expect(cleanLine('  a \u00a0 b  ')).toBe('a b');
    expect(cleanText('\r\n  Dòng 1\r\nDòng 2\r  \n')).toBe('Dòng 1\nDòng 2');
  });

  it('knows a name when it sees one', () => {
    for (const name of ['Bà Tư', "O'Neil", 'Lê-Hoàng Nam', 'Nguyễn Văn A 2', 'Ông 👴 Ba']) expect(isValidName(name), name).toBe(true);
    for (const name of ['', 'A', '12345', '...', 'a;b', 'a\tb', 'x'.repeat(81)]) expect(isValidName(name), name).toBe(false);
    // Names without a letter: digits of other scripts, emoji, symbols (issue 16 point 7).
    for (const name of ['١٢٣٤', '๑๒๓', '👴👵', '😀 😀', '½ ¾', '①②']) expect(isValidName(name), name).toBe(false);
    for (const name of ['李明', 'Лена', 'Ê Đê', 'Y Moan Niê']) expect(isValidName(name), name).toBe(true);
  });
});

describe('answer schemas', () => {
  it('parse the answers of request_help and request_status', () => {
    expect(
      helpRequestAnswerSchema.parse({
        reference_code: 'QN-7K4-M9P-X2A',
        status: 'unassigned',
        team: null,
        next_step: 'province_pool_no_team',
        verification_word: 'hoa sen',
        gps_ignored: true,
        created_at: '2026-11-28T10:00:00+00:00',
      }).team,
    ).toBeNull();
    expect(
      requestStatusSchema.safeParse({
        found: true,
        reference_code: 'QN-7K4-M9P-X2A',
        status: 'assigned',
        team: { name: 'Tổ', phone: '0900000001' },
        verification_word: 'hoa sen',
        received_at: 'x',
        assigned_at: 'x',
        accepted_at: null,
        closed_at: null,
        cancelled_at: null,
        outcome: null,
        can_cancel: true,
        personal_data_erased: false,
      }).success,
    ).toBe(true);
  });
});
