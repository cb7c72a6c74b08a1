import { describe, expect, it } from 'vitest';
import communesJson from '../../content/communes.json' with { type: 'json' };
import type { CommuneChoice } from '../../src/lib/booking/communes.ts';
import {
  FORM_FIELDS,
  checkBooking,
  errorMessage,
  errorsOf,
  fieldErrorsInOrder,
  formFieldOf,
} from '../../src/lib/booking/form-errors.ts';
import { EMPTY_VALUES, fromPayload, toPayload, type BookingValues } from '../../src/lib/booking/form-values.ts';
import { placeOf } from '../../src/lib/booking/location.ts';
import { bookingStart, type ConfirmedBooking, type PendingBooking } from '../../src/lib/booking/outbox.ts';
import { hasPreset, presetFromUrl, type GuideChoice } from '../../src/lib/booking/presets.ts';
import { CONSENT_VERSION } from '../../src/lib/schemas/help-request.ts';

/**
 * The booking form's logic apart from its markup (src/lib/booking/): inputs ↔ payload, where each
 * error shows and what it says, link presets, the phone's position, and how the form starts.
 */

const communes: CommuneChoice[] = communesJson.map(({ code, name, slug, formerUnits, lat, lon }) => ({
  code, name, slug, formerUnits, lat, lon,
}));
const KEY = '7b0c1e4e-9a4f-4c8e-8f1e-0c8b7e2d9a11';

/** A complete booking for oneself. */
const filled: BookingValues = {
  ...EMPTY_VALUES,
  phone: '+84 912 345 678',
  name: 'Nguyễn Thị Mai',
  communeCode: '06688',
  needs: ['vssid'],
  consent: true,
};

describe('form values and payload', () => {
  it('sends the submitter as the citizen when booking for oneself', () => {
    expect(toPayload(filled, KEY)).toMatchObject({
      idempotency_key: KEY,
      on_behalf: false,
      name: 'Nguyễn Thị Mai',
      phone: '+84 912 345 678',
      commune_code: '06688',
      consent: true,
      consent_version: CONSENT_VERSION,
    });
    expect(toPayload(filled, KEY)).not.toHaveProperty('helper_phone');
  });

  it('on someone’s behalf sends the person as the citizen and the submitter as the helper', () => {
    const values = { ...filled, onBehalf: true, personName: 'Bà Lụa', personPhone: '' };
    expect(toPayload(values, KEY)).toMatchObject({
      on_behalf: true,
      name: 'Bà Lụa',
      phone: '',
      helper_name: 'Nguyễn Thị Mai',
      helper_phone: '+84 912 345 678',
    });
  });

  it('comes back from a checked payload as the citizen typed it (a reload while waiting)', () => {
    for (const values of [filled, { ...filled, onBehalf: true, personName: 'Bà Lụa', personPhone: '0987654321' }]) {
      const checked = checkBooking(values, KEY);
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      const back = fromPayload(checked.payload);
      expect(back.onBehalf).toBe(values.onBehalf);
      expect(back.name).toBe(values.name);
      expect(back.personName).toBe(values.personName);
      expect(back.communeCode).toBe('06688');
      // Phones come back normalised; the payload is what was checked, so it passes again.
      expect(checkBooking(back, KEY)).toEqual(checked);
    }
  });
});

describe('form errors', () => {
  it('puts phone and name problems on the person’s fields when booking on someone’s behalf', () => {
    expect(formFieldOf('phone', false)).toBe('phone');
    expect(formFieldOf('phone', true)).toBe('personPhone');
    expect(formFieldOf('name', true)).toBe('personName');
    expect(formFieldOf('helper_phone', true)).toBe('phone');
    expect(formFieldOf('commune_code', false)).toBe('commune');
    expect(formFieldOf('guide_code', false)).toBe('guide');
    expect(formFieldOf('needs', false)).toBe('needs');
  });

  it('keeps the first message per field, and one message for the whole form', () => {
    const errors = errorsOf(['phone_required', 'phone_invalid', 'honeypot', 'rate_limited_phone', 'consent_required'], false);
    expect(errors.fields).toEqual({
      phone: errorMessage('phone_required'),
      consent: errorMessage('consent_required'),
    });
    expect(errors.form).toBe(errorMessage('honeypot'));
  });

  it('explains a key clash: an earlier booking from this phone with other details was recorded', () => {
    const message = errorMessage('idempotency_conflict');
    expect(message).not.toBe(errorMessage('payload_invalid'));
    // Any detail may differ (commune, needs, name), not only the phone number.
    expect(message).not.toMatch(/số điện thoại khác/);
    expect(message).toMatch(/thông tin khác/);
    expect(message).toMatch(/Gửi yêu cầu/);
  });

  it('gives a generic message for a code the form does not know', () => {
    expect(errorMessage('something_new')).toBe(errorMessage('payload_invalid'));
    expect(errorMessage('phone_invalid')).not.toBe(errorMessage('payload_invalid'));
  });

  it('lists field problems in the order of the form', () => {
    const errors = errorsOf(['consent_required', 'commune_required', 'phone_required'], false);
    expect(fieldErrorsInOrder(errors).map((e) => e.field)).toEqual(['phone', 'commune', 'consent']);
    expect(FORM_FIELDS.indexOf('phone')).toBe(0);
  });

  it('checks an empty form with the database’s codes: phone, name, commune, consent', () => {
    const checked = checkBooking(EMPTY_VALUES, KEY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(fieldErrorsInOrder(checked.errors).map((e) => e.field)).toEqual(['phone', 'name', 'commune', 'needs', 'consent']);
    expect(checked.errors.form).toBeNull();
  });

  it('passes a complete form and hands back the clean payload with the key', () => {
    const checked = checkBooking(filled, KEY);
    expect(checked).toMatchObject({ ok: true, payload: { idempotency_key: KEY, phone: '0912345678', name: 'Nguyễn Thị Mai', consent: true } });
  });
});

describe('presets from a link', () => {
  const guides: GuideChoice[] = [
    { code: 'vs4', title: 'Quên mật khẩu VssID', platform: 'vssid', steps: 5 },
    { code: 'zz1', title: 'Không có nền tảng', platform: 'nowhere', steps: 99 },
  ];
  const preset = (query: string) => presetFromUrl(new URLSearchParams(query), guides, communes);

  it('fills the guide, its platform as the need and the step from a guide step link', () => {
    expect(preset('huong-dan=vs4&buoc=2')).toEqual({ guideCode: 'vs4', needs: ['vssid'], guideStep: 2 });
  });

  it('ignores a step the guide does not have, and caps steps at 50', () => {
    expect(preset('huong-dan=vs4&buoc=6')).toEqual({ guideCode: 'vs4', needs: ['vssid'] });
    expect(preset('huong-dan=vs4&buoc=1.5')).not.toHaveProperty('guideStep');
    expect(preset('huong-dan=zz1&buoc=51')).toEqual({ guideCode: 'zz1' });
    expect(preset('huong-dan=zz1&buoc=50')).toEqual({ guideCode: 'zz1', guideStep: 50 });
  });

  it('fills the commune from a poster’s slug and keeps a well-formed poster id', () => {
    expect(preset('xa=co-to&p=x-co-to')).toEqual({ communeCode: '07192', poster: 'x-co-to' });
    expect(preset('xa=atlantis&p=<script>')).toEqual({});
    expect(preset('huong-dan=nope')).toEqual({});
  });

  it('knows when the address asks for a new booking', () => {
    expect(hasPreset(new URLSearchParams('xa=co-to'))).toBe(true);
    expect(hasPreset(new URLSearchParams('p=g-vs4'))).toBe(true);
    expect(hasPreset(new URLSearchParams('utm_source=zalo'))).toBe(false);
  });
});

describe('the phone’s position', () => {
  it('suggests the nearest commune when none is chosen', () => {
    const place = placeOf(20.99123, 107.75689, communes, false);
    expect(place).toMatchObject({ state: 'suggested', location: { lat: 20.99123, lon: 107.75689 } });
    expect(place.commune?.name).toBe('Đặc khu Cô Tô');
  });

  it('keeps the chosen commune and only adds the point', () => {
    expect(placeOf(20.99123, 107.75689, communes, true)).toEqual({ state: 'got', location: { lat: 20.99123, lon: 107.75689 } });
  });

  it('drops a point outside the province', () => {
    expect(placeOf(21.0285, 105.8542, communes, false)).toEqual({ state: 'outside', location: null });
  });
});

describe('how the form starts', () => {
  const confirmed = { answer: { reference_code: 'QN-7K4-M9P-X2A' } } as ConfirmedBooking;
  const pending = { payload: { idempotency_key: KEY }, attempts: 1, queuedAt: 1 } as PendingBooking;

  it('shows the last confirmation again after a reload', () => {
    expect(bookingStart(confirmed, null, false)).toEqual({ kind: 'confirmation', confirmed, dropConfirmation: false });
  });

  it('starts a new booking from a preset link, dropping the old confirmation', () => {
    expect(bookingStart(confirmed, null, true)).toEqual({ kind: 'fresh', dropConfirmation: true });
    expect(bookingStart(null, null, false)).toEqual({ kind: 'fresh', dropConfirmation: false });
  });

  it('always resumes a request still waiting in the outbox', () => {
    expect(bookingStart(null, pending, false)).toEqual({ kind: 'resume', pending, dropConfirmation: false });
    expect(bookingStart(confirmed, pending, true)).toEqual({ kind: 'resume', pending, dropConfirmation: true });
  });
});
