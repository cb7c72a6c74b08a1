/**
 * "Quên mã? Tìm bằng số điện thoại" (/tra-cuu/) apart from its markup: checking the phone and the
 * one-time code before asking, and the words for each answer code of request_phone_code and
 * requests_by_phone (migration 20261128001900_phone_lookup.sql). Pure; the island is
 * src/islands/status/PhoneLookup.tsx.
 */
import { normalizePhone } from '../domain/phone';
import { t } from '../i18n/phone-lookup';

/** The phone as typed, normalised, or null when it cannot be a Vietnamese number. */
export function checkPhone(phone: string): string | null {
  return normalizePhone(phone);
}

/** The one-time code as typed (spaces allowed), or null when it is not 6 digits. */
export function checkCode(code: string): string | null {
  const digits = code.replace(/[\s.-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}

/** Where a message of the phone look-up belongs: at the phone, at the code, or at the top. */
export interface PhoneLookupProblem {
  field?: 'phone' | 'code';
  message: string;
}

/** The words for an error of request_phone_code (`send`) or requests_by_phone (`lookup`). */
export function phoneLookupProblem(step: 'send' | 'lookup', code: string): PhoneLookupProblem {
  if (code === 'phone_invalid') return { field: 'phone', message: t('phoneLookup.error.phone') };
  if (code === 'code_wrong') return { field: 'code', message: t('phoneLookup.error.code_wrong') };
  if (code === 'rate_limited') {
    return { message: t(step === 'send' ? 'phoneLookup.error.rate_limited_send' : 'phoneLookup.error.rate_limited_lookup') };
  }
  return { message: t('phoneLookup.error.unavailable') };
}
