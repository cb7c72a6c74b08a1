import type { FormErrors, FormFieldId } from '../../lib/booking/form-errors';
import type { BookingValues } from '../../lib/booking/form-values';
import { NEED_IDS, TIME_WINDOWS } from '../../lib/schemas/help-request';

/** Id of the element each form field's label and error summary link point to. */
export const INPUT_IDS: Record<FormFieldId, string> = {
  phone: 'bk-phone',
  name: 'bk-name',
  personName: 'bk-person-name',
  personPhone: 'bk-person-phone',
  commune: 'bk-commune',
  address: 'bk-address',
  location: 'bk-location',
  needs: `bk-need-${NEED_IDS[0]}`,
  guide: 'bk-guide-remove',
  description: 'bk-description',
  timeWindow: `bk-time-${TIME_WINDOWS[0]}`,
  consent: 'bk-consent',
};

/** Changes one input of the form. */
export type SetValue = <K extends keyof BookingValues>(key: K, value: BookingValues[K]) => void;

/** What each section of the form gets: the inputs, the messages by field, and a setter. */
export interface SectionProps {
  values: BookingValues;
  errors: FormErrors['fields'];
  set: SetValue;
}
