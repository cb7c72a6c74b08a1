/**
 * From an error code to a message on the booking form: which field of the form a payload field's
 * problem belongs to (errors.ts maps codes to payload fields), its Vietnamese message, and the
 * check that runs before sending. Pure; the island shows the result with Field and ErrorSummary.
 */
import { t, type MessageKey } from '../i18n/booking';
import { helpRequestSchema, type HelpRequest } from '../schemas/help-request';
import { typedCommune, type CommuneChoice } from './communes';
import { fieldOf, isRequestHelpError, type FormField } from './errors';
import { toPayload, type BookingValues } from './form-values';

/** Places on the form a message can point to, in the order they appear. */
export const FORM_FIELDS = [
  'phone',
  'name',
  'personName',
  'personPhone',
  'commune',
  'address',
  'location',
  'needs',
  'guide',
  'description',
  'timeWindow',
  'consent',
] as const;
export type FormFieldId = (typeof FORM_FIELDS)[number];

/** What the form shows after a failed check or a rejection: messages by field, and one for the whole form. */
export interface FormErrors {
  fields: Partial<Record<FormFieldId, string>>;
  form: string | null;
}

/** Where a payload field's problem shows on the form (the meaning of phone/name flips on behalf). */
export function formFieldOf(field: FormField, onBehalf: boolean): FormFieldId {
  switch (field) {
    case 'phone':
      return onBehalf ? 'personPhone' : 'phone';
    case 'name':
      return onBehalf ? 'personName' : 'name';
    case 'helper_phone':
      return 'phone';
    case 'helper_name':
      return 'name';
    case 'commune_code':
      return 'commune';
    case 'time_window':
      return 'timeWindow';
    case 'guide_code':
      return 'guide';
    default:
      return field;
  }
}

/** The Vietnamese message for an error code (a generic one for codes the form does not know). */
export function errorMessage(code: string): string {
  return t(`booking.error.${isRequestHelpError(code) ? code : 'payload_invalid'}` as MessageKey);
}

/** Messages for error codes: the first per field, and the first that belongs to no field. */
export function errorsOf(codes: readonly string[], onBehalf: boolean): FormErrors {
  const fields: Partial<Record<FormFieldId, string>> = {};
  let form: string | null = null;
  for (const code of codes) {
    const field = fieldOf(code);
    if (field) fields[formFieldOf(field, onBehalf)] ??= errorMessage(code);
    else form ??= errorMessage(code);
  }
  return { fields, form };
}

/** The field problems in the order of the form (the error summary's list). */
export function fieldErrorsInOrder(errors: Pick<FormErrors, 'fields'>): { field: FormFieldId; message: string }[] {
  return FORM_FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ field, message }] : [];
  });
}

/**
 * The values with the commune the citizen typed but did not tap in the list, when the text names
 * exactly one (typedCommune); the same values otherwise.
 */
export function withTypedCommune(values: BookingValues, communeText: string, communes: CommuneChoice[]): BookingValues {
  if (values.communeCode !== null || !communeText.trim()) return values;
  const commune = typedCommune(communes, communeText);
  return commune ? { ...values, communeCode: commune.code } : values;
}

/**
 * Checks the form before sending, with the same rules and codes as the database: the clean payload
 * to send, or what to show. `idempotencyKey` goes into the payload unchanged. `communeText` is what
 * is still typed in the commune box: with no commune chosen, the message says to tap a name in the
 * list rather than that the commune is missing.
 */
export function checkBooking(
  values: BookingValues,
  idempotencyKey: string,
  communeText = '',
): { ok: true; payload: HelpRequest } | { ok: false; errors: FormErrors } {
  const parsed = helpRequestSchema.safeParse(toPayload(values, idempotencyKey));
  if (parsed.success) return { ok: true, payload: parsed.data };
  const errors = errorsOf(parsed.error.issues.map((issue) => issue.message), values.onBehalf);
  if (errors.fields.commune && values.communeCode === null && communeText.trim()) {
    errors.fields.commune = t('booking.error.commune_pick');
  }
  return { ok: false, errors };
}
